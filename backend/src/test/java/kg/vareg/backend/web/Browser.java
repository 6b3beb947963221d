package kg.vareg.backend.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (Selenium Manager never downloads anything: both
 * paths are given). One per test class; a fresh profile directory each time.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    final WebDriver driver;
    final String base;
    private final Path profile;

    Browser(int port) throws IOException {
        this.base = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("vareg-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1600", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement el(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return el(css).getText();
    }

    void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    WebElement waitFor(String css, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks a submit button and waits until the browser has left the page (the next page has loaded). */
    void submit(String css) {
        WebElement button = el(css);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
    }

    void login(String user, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        type("username", user);
        type("password", password);
        submit("#login-submit");
    }

    /** Full-height screenshot of the current page into docs/screenshots. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        long height = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Math.min(document.documentElement.scrollHeight, 4000)")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.max(800, height)));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
