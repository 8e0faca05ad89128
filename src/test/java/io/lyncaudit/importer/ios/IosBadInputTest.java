package io.lyncaudit.importer.ios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input for the IOS importer: a diagnostic or a clear BadInputException, never a hang or crash. */
class IosBadInputTest {

    @TempDir
    Path tmp;

    ImportResult run(String text) throws Exception {
        Path f = tmp.resolve("in.ios");
        Files.writeString(f, text);
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new IosImporter().importFile(f, "in.ios"));
    }

    @Test
    void hugeLineIsRefusedNamingItsLine() throws Exception {
        Path f = tmp.resolve("in.ios");
        Files.writeString(f, "hostname x\n" + "permit ".repeat(300_000) + "\n");
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(BadInputException.class, () -> new IosImporter().importFile(f, "in.ios")));
        assertTrue(e.getMessage().startsWith("in.ios:2: the line is 2100000 characters long;"), e.getMessage());
    }

    @Test
    void unterminatedBanner() throws Exception {
        ImportResult r = run("hostname x\nip access-list extended A\n permit ip any any\nbanner motd #\nno end in sight\n");
        assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized());
    }

    @Test
    void deepNesting() throws Exception {
        StringBuilder sb = new StringBuilder("hostname deep\n");
        for (int i = 0; i < 3000; i++) sb.append("object-group network G").append(i).append("\n group-object G").append(i + 1).append('\n');
        sb.append("object-group network G3000\n host 10.0.0.1\n");
        sb.append("ip access-list extended A\n permit ip any object-group G0\ninterface Gi1\n ip access-group A in\n");
        ImportResult r = run(sb.toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("nested deeper")));
    }

    @Test
    void binaryAndForeignTextAreRefused() throws Exception {
        Path f = tmp.resolve("junk.ios");
        byte[] junk = new byte[2048];
        new Random(3).nextBytes(junk);
        junk[0] = 0;
        Files.write(f, junk);
        assertThrows(BadInputException.class, () -> new IosImporter().importFile(f, "junk.ios"));
        Files.writeString(f, "just some words\nand more\n");
        assertThrows(BadInputException.class, () -> new IosImporter().importFile(f, "junk.ios"));
    }

    @Test
    void malformedIpv6FiltersAreDiagnostics() throws Exception {
        ImportResult r = run(String.join("\n", "hostname v6",
                "interface Gi1",
                " ipv6 traffic-filter A sideways",       // 3
                " ipv6 traffic-filter",                  // 4
                "ipv6 access-list",                      // 5
                "ipv6 access-list A",
                " sequence ten permit ipv6 any any",     // 7
                " permit ip any any",                    // 8: ip is not an IPv6 protocol
                " permit tcp any 2001:db8::1 eq 443",    // 9: an address needs host or a prefix length
                " permit tcp any any precedence 5",      // 10: an IPv4-only option
                " deny ipv6 any any sequence",           // 11
                " permit ipv6 any any",
                ""));
        for (int line : new int[] {3, 4, 5, 7, 8, 9, 10, 11}) {
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category().json().equals("unrecognized")), "line " + line);
        }
        assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized());
    }

    @Test
    void randomTokenSoupNeverThrows() throws Exception {
        Random rnd = new Random(5);
        String[] words = {"ip", "access-list", "extended", "A", " permit", " deny", "tcp", "udp", "any", "host", "10.0.0.1",
                "0.0.0.255", "eq", "range", "neq", "443", "object-group", "G", "established", "log", "interface", " ip access-group",
                "in", "out", "10", "access-list 101", "access-list 5", "object-group network G", " group-object", "banner", "^C",
                "ipv6 access-list A", " ipv6 traffic-filter", "ipv6", "icmp", "2001:db8::/32", "2001:db8::1", "sequence", "flow-label",
                "nd-na", "routing-type"};
        for (int k = 0; k < 200; k++) {
            StringBuilder sb = new StringBuilder("hostname soup\n");
            for (int l = 0; l < 20; l++) {
                int len = rnd.nextInt(10);
                for (int w = 0; w < len; w++) sb.append(w > 0 ? " " : "").append(words[rnd.nextInt(words.length)]);
                sb.append('\n');
            }
            ImportResult r = run(sb.toString());
            assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized());
        }
    }
}
