package kg.vareg.backend.extracts;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.register.PublicRegister;
import kg.vareg.backend.security.RateLimiter;
import kg.vareg.backend.security.RateLimiters;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Register extracts as PDF for anyone (¶61, ¶66): issued by a POST (a form on the emission's page; rate limited per
 * address on top of the site's limit), then downloaded from {@code /extracts/{id}.pdf} as often as wanted — a GET never
 * writes the permanent log (issue 15 item 3). Also the page that verifies an extract from its QR code.
 */
@Controller
class ExtractController {
    private final ExtractService extracts;
    private final PublicRegister register;
    private final RateLimiter issuing;

    ExtractController(ExtractService extracts, PublicRegister register, RateLimiters limiters) {
        this.extracts = extracts;
        this.register = register;
        this.issuing = limiters.greedy("extract", 20, 20, Duration.ofHours(1));
    }

    @PostMapping("/register/{number}/extract")
    ResponseEntity<String> issue(@PathVariable String number, Locale locale, HttpServletRequest request) {
        Optional<Duration> wait = issuing.tryConsume(request.getRemoteAddr());
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())))
                    .contentType(MediaType.TEXT_PLAIN).body("too many extracts requested from this address");
        }
        RegisterExtract x = extracts.issue(kg.vareg.backend.register.RegistrationNumberInput.canonical("number", number), locale);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/extracts/" + x.extractId() + ".pdf")).build();
    }

    @GetMapping("/extracts/{id}.pdf")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        RegisterExtract x = extracts.file(id).orElseThrow(() -> new NotFoundException("no extract " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("extract-" + x.registrationNumber() + "-" + x.extractId() + ".pdf").build().toString())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(x.pdfSha256())) + ":")
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
