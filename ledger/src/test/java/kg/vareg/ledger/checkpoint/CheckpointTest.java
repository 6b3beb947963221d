package kg.vareg.ledger.checkpoint;

import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_CHECKPOINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    // golang.org/x/mod sumdb/tlog note_test.go TestFormatTree / TestParseTree.
    static final String GO_TREE = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";

    @Test
    void formatsAndParsesTheGoTreeNote() throws LogVerificationException {
        Checkpoint cp = new Checkpoint("go.sum database tree", 123456789012L, TreeHasher.leafHash("hello world".getBytes()));
        assertThat(cp.toText()).isEqualTo(GO_TREE);
        assertThat(Checkpoint.parse(GO_TREE)).isEqualTo(cp);
    }

    @Test
    void extensionLinesRoundTrip() throws LogVerificationException {
        Checkpoint cp = new Checkpoint("vareg.kg/log", 0, TreeHasher.emptyRoot(), List.of("ext one", "ext two"));
        assertThat(cp.toText()).isEqualTo("vareg.kg/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\next two\n");
        assertThat(Checkpoint.parse(cp.toText())).isEqualTo(cp);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not-go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n",
        "o\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=",             // no final newline
        "o\n12\n",                                                       // no root
        "\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",          // empty origin
        "o\n012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",        // leading zero
        "o\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n+1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n99999999999999999999\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0\n",           // unpadded
        "o\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n\n",        // empty extension line
        "o\n12\nAAAA\n"                                                   // short root
    })
    void malformedCheckpointsAreRejected(String text) {
        LogVerificationException e = catchThrowableOfType(LogVerificationException.class, () -> Checkpoint.parse(text));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(MALFORMED_CHECKPOINT);
    }

    @Test
    void constructorRefusesLinesThatWouldChangeTheText() {
        Sha256Hash r = TreeHasher.emptyRoot();
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, r)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("", 1, r)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, r)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, r, List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
