package kg.vareg.backend.security;

import java.util.HashSet;
import java.util.Set;
import kg.vareg.backend.api.InvalidFieldException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Documents are accepted by what their bytes ARE (Apache Tika's magic-number detection, the file name and the
 * declared type are ignored): PDF, images, plain text, office/zip containers. HTML, SVG, XML, scripts and executables
 * are refused — a stored document is served back to browsers, and must not become active content there.
 * The detected type is what the register stores and serves. Sizes are limited by spring.servlet.multipart.
 */
@Component
public class UploadPolicy {
    static final Set<String> ALLOWED = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff", "text/plain",
            "application/zip", "application/x-tika-ooxml", "application/x-tika-msoffice",
            "application/vnd.oasis.opendocument.text");
    private final Tika tika = new Tika();
    private final Set<String> allowed;

    UploadPolicy(SecurityProperties properties) {
        this.allowed = new HashSet<>(ALLOWED);
        this.allowed.addAll(properties.uploads().extraAllowedTypes());
    }

    /** The detected media type, or a 400 on field {@code file}. */
    public String check(byte[] content) {
        if (content.length == 0) throw new InvalidFieldException("file", "the file is empty");
        String detected = tika.detect(content);
        if (!allowed.contains(detected)) {
            throw new InvalidFieldException("file", "the content is " + detected + ", which the register does not accept;"
                    + " send PDF, PNG, JPEG, TIFF, plain text or an office document");
        }
        return detected;
    }
}
