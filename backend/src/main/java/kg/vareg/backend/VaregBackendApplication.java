package kg.vareg.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The authoritative Unified State Register of Virtual Asset Emissions (¶2, ¶57-66). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VaregBackendApplication {

    public static void main(String[] args) {
        SpringApplication.run(VaregBackendApplication.class, args);
    }
}
