package kg.vareg.worker.anchoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where RegistryAnchor is deployed; the same key as the backend's. Empty: anchoring is off. */
@ConfigurationProperties("vareg.anchor")
public record AnchorContractProperties(String contractAddress) {

    public boolean configured() {
        return contractAddress != null && !contractAddress.isBlank();
    }
}
