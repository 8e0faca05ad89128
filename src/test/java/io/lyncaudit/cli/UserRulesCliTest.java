package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `audit --rules DIR`: a site's DRL is compiled at start and runs next to the catalog. Each test compiles DRL (seconds). */
class UserRulesCliTest {

    private static final Path RULES = Path.of("src/test/resources/cli");

    @TempDir
    Path tmp;

    @Test
    void userRuleCompilesAndSeesTheExposures() throws IOException {
        UserRuleProbe.SEEN.clear();
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--rules", RULES.resolve("rules-ok"), "--format", "json");
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        Cli.assertNoStackTrace(r);
        assertEquals("", r.err());
        // the planted sample's unjustified openings on edge-external: RDP to the Access Edge, STUN to the wrong Edge
        assertFalse(UserRuleProbe.SEEN.isEmpty(), "the user rule fired");
        assertEquals(Set.of("edge-external"), Set.copyOf(UserRuleProbe.SEEN));
        // and it changed nothing: the same four findings
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(4, report.get("findings").size(), r::toString);
        assertEquals("FAIL", report.at("/summary/gate").asText());
    }

    @Test
    void syntaxErrorNamesTheFileAndLine() throws IOException {
        Path dir = RULES.resolve("rules-broken");
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        String m = Cli.badInput(Cli.run("audit", Cli.PLANTED, "--rules", dir, "--format", "json", "--out", reports));
        // used to name DIR/user/broken.drl, a file that does not exist
        assertTrue(m.startsWith(dir.resolve("broken.drl") + ":7: rule compilation failed: "), m);
        assertTrue(m.contains("Line 7:31 no viable alternative at input ')'"), m);
        Cli.assertNoReport(reports);
    }
}
