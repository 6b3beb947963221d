package kg.vareg.backend.support;

import java.nio.file.Path;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Puts {@link ContractValidationFilter} first in the servlet chain of every backend integration test. */
@TestConfiguration(proxyBeanMethods = false)
public class ContractValidation {
    public static Path contract() {
        return Path.of(System.getProperty("vareg.root", ".."), "docs", "openapi.json");
    }

    @Bean
    FilterRegistrationBean<ContractValidationFilter> contractValidationFilter() {
        var registration = new FilterRegistrationBean<>(new ContractValidationFilter(contract()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
