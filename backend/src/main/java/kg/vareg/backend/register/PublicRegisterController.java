package kg.vareg.backend.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.api.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Unified State Register, public (¶66: anyone may obtain it, except founders' data). No login. */
@RestController
@RequestMapping("/api/v1/public/register")
@Tag(name = "Public register", description = "¶57-66: entries, history and registered white papers")
@Validated
class PublicRegisterController {
    private final PublicRegister register;

    PublicRegisterController(PublicRegister register) {
        this.register = register;
    }

    @GetMapping
    @Operation(summary = "Search the register", description = "By registration number, issuer (code or id), token contract "
            + "address, state and VA type (¶62). Only emissions with a number are in the register (¶3, ¶57).")
    PageResponse<RegisterEntry> search(
            @RequestParam Optional<String> number,
            @RequestParam Optional<@Pattern(regexp = "^[A-Za-z0-9]{4}$", message = "an issuer code has 4 characters (¶68)") String> issuerCode,
            @RequestParam Optional<UUID> issuerId,
            @RequestParam Optional<@Pattern(regexp = "^0x[0-9a-fA-F]{40}$", message = "must be a 20-byte hex address") String> tokenAddress,
            @RequestParam Optional<kg.vareg.backend.kernel.EmissionState> state,
            @RequestParam Optional<kg.vareg.backend.numbering.VirtualAssetType> type,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        // #19 item 6: a malformed number is a 400 naming the reason (¶67-68), never an empty list; any case is accepted.
        return register.search(new PublicRegister.Query(number.map(n -> RegistrationNumberInput.canonical("number", n)), issuerCode, issuerId, tokenAddress,
                state.map(Enum::name), type.map(Enum::name)), page, size);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One register entry by its number (¶62, ¶67-68)")
    RegisterEntry entry(@PathVariable String number) {
        return register.byNumber(RegistrationNumberInput.canonical("number", number)).orElseThrow(() -> new NotFoundException("no emission with number " + number + " in the register"));
    }

    @GetMapping("/{number}/history")
    @Operation(summary = "The full history of an emission (¶57-66)")
    List<PublicRegister.HistoryEntry> history(@PathVariable String number) {
        return register.history(entry(number).emissionId());
    }

    @GetMapping("/{number}/white-paper")
    @Operation(summary = "The registered white paper (¶6, ¶11)", description = "Its SHA-256 is in the register entry and the journal.")
    ResponseEntity<byte[]> whitePaper(@PathVariable String number) {
        RegisterEntry e = entry(number);
        PublicRegister.WhitePaper wp = register.whitePaper(e.emissionId(), e.whitePaperSha256())
                .orElseThrow(() -> new NotFoundException("no white paper"));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, wp.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + wp.fileName().replace("\"", "") + "\"")
                .header("Digest", "sha-256=" + wp.sha256()).body(wp.content());
    }
}
