package kg.vareg.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Integrates the register's journal into the Merkle log and anchors signed checkpoints on-chain. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnchoringWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnchoringWorkerApplication.class, args);
    }
}
