package kg.vareg.backend.extracts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The site's public URL printed on extracts and in their QR codes (issue 15 item 3): from configuration only,
 * {@code vareg.web.public-base-url} — never from the request's Host header, which a client chooses. Required outside
 * dev: start-up fails without it unless the register runs on the local dev chain (chain id 31337), where the server's
 * own port on localhost is used (docs/configuration.md).
 */
@Component
public class PublicBaseUrl {
    static final long DEV_CHAIN_ID = 31337;
    private final String configured;
    private final Environment environment;

    PublicBaseUrl(@Value("${vareg.web.public-base-url:}") String configured, @Value("${vareg.chain.chain-id:31337}") long chainId,
            Environment environment) {
        this.configured = configured.strip().replaceAll("/+$", "");
        this.environment = environment;
        if (this.configured.isEmpty() && chainId != DEV_CHAIN_ID) {
            throw new IllegalStateException("vareg.web.public-base-url is required outside dev (the URL printed on register"
                    + " extracts, e.g. https://register.example.kg)");
        }
        if (!this.configured.isEmpty() && !this.configured.matches("https?://[^\\s/?#@]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("vareg.web.public-base-url must be an http(s) URL without query: " + this.configured);
        }
    }

    public String get() {
        if (!configured.isEmpty()) return configured;
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
