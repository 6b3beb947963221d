package kg.vareg.backend.tiles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Merkle log served as c2sp.org/tlog-tiles under the prefix {@code /log} (the checkpoint origin is
 * {@code vareg.kg/log}, the scheme-less prefix, as the spec recommends): {@code /log/checkpoint},
 * {@code /log/tile/<L>/<N>[.p/<W>]}, {@code /log/tile/entries/<N>[.p/<W>]}. Public and read-only (¶66: the
 * register and its log are public; entries carry commitments, never founders' data); anonymous requests are
 * rate limited like every public read. Full tiles are immutable and cached for a year; partial tiles and the
 * checkpoint briefly. A bad path is a 400 and a tile the log does not have a 404, both problem+json
 * (docs/proof-api.md).
 */
@RestController
@Tag(name = "Log tiles", description = "The Merkle log in the C2SP tlog-tiles layout (checkpoint, hash tiles, "
        + "entry bundles) for tlog clients, monitors and witnesses")
class TileController {

    static final String PREFIX = "/log/";
    static final CacheControl IMMUTABLE = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic()
            .immutable();
    static final CacheControl PARTIAL = CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic();
    static final CacheControl CHECKPOINT = CacheControl.maxAge(java.time.Duration.ofSeconds(5)).cachePublic();
    private static final MediaType TEXT_UTF8 = MediaType.parseMediaType("text/plain; charset=utf-8");

    private final LogTiles tiles;

    TileController(LogTiles tiles) {
        this.tiles = tiles;
    }

    @GetMapping("/log/checkpoint")
    @Operation(summary = "The latest signed checkpoint (c2sp.org/tlog-checkpoint note, Ed25519 signed-note)")
    ResponseEntity<?> checkpoint() {
        return tiles.checkpoint()
                .<ResponseEntity<?>>map(b -> ResponseEntity.ok().cacheControl(CHECKPOINT).contentType(TEXT_UTF8).body(b))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "the log has no signed checkpoint yet"));
    }

    @GetMapping("/log/tile/**")
    @Operation(summary = "A hash tile tile/<L>/<N>[.p/<W>] or entry bundle tile/entries/<N>[.p/<W>] "
            + "(c2sp.org/tlog-tiles); full tiles are immutable")
    ResponseEntity<?> tile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = path.substring(PREFIX.length());
        return switch (tiles.tile(path)) {
            case TileResponse.Found f -> ResponseEntity.ok().cacheControl(f.immutable() ? IMMUTABLE : PARTIAL)
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).body(f.body());
            case TileResponse.Malformed m -> problem(HttpStatus.BAD_REQUEST, m.reason());
            case TileResponse.Missing m -> problem(HttpStatus.NOT_FOUND, m.reason());
        };
    }

    /** Problem details with the content type preset, so a client accepting only octet-stream still gets them. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        if (status == HttpStatus.BAD_REQUEST) {
            p.setTitle("Invalid request");
            p.setType(URI.create("https://vareg.kg/problems/invalid-request"));
            p.setProperty("errors", List.of(Map.of("field", "path", "message", detail)));
        } else {
            p.setTitle("Not found");
            p.setType(URI.create("https://vareg.kg/problems/log-not-found"));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(p);
    }
}
