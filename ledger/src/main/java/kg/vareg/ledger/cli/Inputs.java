package kg.vareg.ledger.cli;

import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_INPUT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.ledger.json.JsonException;
import kg.vareg.ledger.json.JsonLimits;

/** Reading the CLI's input files, strictly, with precise failure messages. */
final class Inputs {

    /** Bundles and proofs are small; refuse anything that is obviously not one. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private static final CanonicalJson JSON = CanonicalJson.withLimits(new JsonLimits(64, MAX_FILE_BYTES));

    private Inputs() {
    }

    static byte[] readFile(String file) throws IOException {
        Path p = Path.of(file);
        long size = Files.size(p);
        if (size > MAX_FILE_BYTES) {
            throw new IOException(file + " is " + size + " bytes, limit is " + MAX_FILE_BYTES);
        }
        return Files.readAllBytes(p);
    }

    /** A verifier key string, given inline or as the path of a file holding it. */
    static NoteVerifier key(String keyOrFile) throws IOException, LogVerificationException {
        String text = keyOrFile;
        if (isRegularFile(keyOrFile)) {
            text = new String(readFile(keyOrFile), StandardCharsets.UTF_8).strip();
        }
        return NoteVerifier.parse(text);
    }

    private static boolean isRegularFile(String s) {
        try {
            return Files.isRegularFile(Path.of(s));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonObject(String file) throws IOException, LogVerificationException {
        Object v;
        try {
            v = JSON.parse(readFile(file));
        } catch (JsonException e) {
            throw new LogVerificationException(MALFORMED_INPUT, file + ": invalid JSON: " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new LogVerificationException(MALFORMED_INPUT, file + ": expected a JSON object");
        }
        return (Map<String, Object>) m;
    }

    /** A non-negative integer field (JSON numbers are doubles: at most 2^53). */
    static long longField(Map<String, Object> obj, String name, String file) throws LogVerificationException {
        Object v = obj.get(name);
        if (!(v instanceof Double d)) {
            throw new LogVerificationException(MALFORMED_INPUT, file + ": field '" + name + "' must be a number");
        }
        if (d < 0 || d > 9007199254740992.0 || d != Math.floor(d)) {
            throw new LogVerificationException(MALFORMED_INPUT,
                    file + ": field '" + name + "' must be an integer in [0, 2^53]");
        }
        return d.longValue();
    }

    static List<String> stringList(Map<String, Object> obj, String name, String file) throws LogVerificationException {
        Object v = obj.get(name);
        if (!(v instanceof List<?> list)) {
            throw new LogVerificationException(MALFORMED_INPUT, file + ": field '" + name + "' must be an array");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new LogVerificationException(MALFORMED_INPUT,
                        file + ": field '" + name + "' must hold hex strings");
            }
            out.add(s);
        }
        return out;
    }

    static CanonicalJson json() {
        return JSON;
    }
}
