package kg.vareg.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo logins: one per role, owner-only file, passwords printed only on the first start. */
class DemoLoginsTest {
    @Test
    void generatedOnceOwnerOnlyAndPrintedOnce(@TempDir Path data) throws Exception {
        List<String> said = new ArrayList<>();
        Path file = DemoLogins.ensure(data, said::add);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        for (String role : DemoLogins.USERS.keySet()) {
            assertThat(p.getProperty(role + ".password")).hasSize(20);
            assertThat(said.get(0)).contains(p.getProperty(role + ".password"));
        }
        String before = Files.readString(file);
        List<String> again = new ArrayList<>();
        DemoLogins.ensure(data, again::add);
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(String.join("\n", again)).doesNotContain(p.getProperty("ADMINISTRATOR.password")).contains(file.toString());
    }
}
