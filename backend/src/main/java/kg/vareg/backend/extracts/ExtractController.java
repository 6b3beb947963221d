package kg.vareg.backend.extracts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.register.PublicRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Register extracts as PDF for anyone (¶61, ¶66) and the page that verifies an extract from its QR code. */
@Controller
class ExtractController {
    private final ExtractService extracts;
    private final PublicRegister register;
    private final String publicBaseUrl;

    ExtractController(ExtractService extracts, PublicRegister register, @Value("${vareg.web.public-base-url:}") String publicBaseUrl) {
        this.extracts = extracts;
        this.register = register;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping("/register/{number}/extract.pdf")
    ResponseEntity<byte[]> extract(@PathVariable String number, Locale locale, HttpServletRequest request) {
        String base = publicBaseUrl.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).toUriString() : publicBaseUrl;
        RegisterExtract x = extracts.issue(kg.vareg.backend.register.RegistrationNumberInput.canonical("number", number), locale, base);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("extract-" + x.registrationNumber() + "-" + x.extractId() + ".pdf").build().toString())
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(x.pdfSha256())) + ":")
                .header("X-Extract-Id", x.extractId().toString())
                .body(x.pdf());
    }

    @GetMapping("/verify/extract/{id}")
    String verify(@PathVariable UUID id, Model model) {
        IssuedExtract x = extracts.find(id).orElseThrow(() -> new NotFoundException("no extract " + id));
        model.addAttribute("x", x);
        model.addAttribute("current", register.byNumber(x.registrationNumber()).orElse(null));
        return "public/extract";
    }
}
