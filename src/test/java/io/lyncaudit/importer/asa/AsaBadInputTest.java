package io.lyncaudit.importer.asa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input: a diagnostic or a clear BadInputException, never a hang, stack overflow or OOM. */
class AsaBadInputTest {

    @TempDir
    Path tmp;

    ImportResult run(String text) throws Exception {
        Path f = tmp.resolve("in.asa");
        Files.writeString(f, text);
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new AsaImporter().importFile(f, "in.asa"));
    }

    @Test
    void hugeLineIsRefusedNamingItsLine() throws Exception {
        // refused before the parser sees it, and quickly: a line this long is no running-config's
        Path f = tmp.resolve("in.asa");
        Files.writeString(f, "ASA Version 9.8(4)\n" + "access-list X extended permit tcp any any " + "eq 443 ".repeat(200_000) + "\n");
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(BadInputException.class, () -> new AsaImporter().importFile(f, "in.asa")));
        assertEquals("in.asa:2: the line is 1400042 characters long; a Cisco ASA configuration is read with lines of at most "
                + AsaParser.MAX_LINE + " characters (a limit against hostile input)", e.getMessage());
    }

    @Test
    void deeplyNestedGroupsStopAtTheDepthLimit() throws Exception {
        StringBuilder sb = new StringBuilder("ASA Version 9.8(4)\n");
        int n = 5000;
        for (int i = 0; i < n; i++) sb.append("object-group network G").append(i).append("\n group-object G").append(i + 1).append('\n');
        sb.append("object-group network G").append(n).append("\n network-object host 10.0.0.1\n");
        sb.append("access-list A extended permit ip any object-group G0\naccess-group A in interface outside\n");
        ImportResult r = run(sb.toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("nested deeper")), r.diagnostics().toString());
    }

    @Test
    void groupContainingItselfAndMutualCycles() throws Exception {
        ImportResult r = run("""
                object-group service S
                 group-object S
                object-group protocol P1
                 group-object P2
                object-group protocol P2
                 group-object P1
                access-list A extended permit object-group S any any
                access-list A extended permit object-group P1 any any
                access-list A extended permit object-group UNDEFINED any any
                access-group A in interface outside
                """);
        assertEquals(3, r.diagnostics().stream().filter(d -> d.category() == Diagnostic.Category.UNRECOGNIZED).count());
        // each entry keeps its place as an uncertain rule that matches nothing for sure and may match any protocol
        assertEquals(3, r.ruleCount());
        for (Rule rule : r.policies().get(0).rules()) {
            assertTrue(rule.uncertain(), rule.toString());
            assertTrue(rule.match().isEmpty(), rule.toString());
            assertEquals(PacketSet.ALL, rule.mayMatch(), rule.toString());
        }
    }

    @Test
    void binaryJunkIsRefused() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[10] = 0;
        Path f = tmp.resolve("junk.asa");
        Files.write(f, junk);
        BadInputException e = assertThrows(BadInputException.class, () -> new AsaImporter().importFile(f, "junk.asa"));
        assertTrue(e.getMessage().contains("binary"));
    }

    @Test
    void textOfAnotherKindIsRefused() throws Exception {
        Path f = tmp.resolve("notes.txt");
        Files.writeString(f, "Dear team,\nplease open the firewall.\n");
        assertThrows(BadInputException.class, () -> new AsaImporter().importFile(f, "notes.txt"));
    }

    @Test
    void randomPrintableLinesNeverThrow() throws Exception {
        Random rnd = new Random(11);
        String[] words = {"access-list", "A", "extended", "permit", "deny", "tcp", "udp", "ip", "any", "host", "10.0.0.1",
                "255.255.255.0", "eq", "range", "neq", "lt", "gt", "443", "object", "object-group", "G", "interface",
                "outside", "log", "inactive", "time-range", "nat", "(a,b)", "source", "static", "destination", " group-object",
                " network-object", " port-object", " service-object", "object-group network G", "object-group service G tcp"};
        for (int k = 0; k < 200; k++) {
            StringBuilder sb = new StringBuilder("ASA Version 9.8(4)\n");
            for (int l = 0; l < 20; l++) {
                int len = rnd.nextInt(12);
                for (int w = 0; w < len; w++) sb.append(w > 0 ? " " : "").append(words[rnd.nextInt(words.length)]);
                sb.append('\n');
            }
            ImportResult r = run(sb.toString());
            var c = r.lines();
            assertEquals(c.total(), c.used() + c.ignored() + c.unsupported() + c.unrecognized());
        }
    }
}
