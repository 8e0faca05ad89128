package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `lyncaudit diff` end to end on the before/after pair of samples/contoso-waivers. */
class DiffCommandTest {
    static final Path BEFORE = Path.of("samples/contoso-waivers/edge-internal-before.csv");
    static final Path AFTER = Path.of("samples/contoso-waivers/edge-internal-after.csv");

    private static Cli.Result diff(Object... extra) {
        Object[] base = {"diff", Cli.PLANTED, "--firewall", "edge-internal", "--before", BEFORE, "--after"};
        Object[] all = new Object[base.length + 1 + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        all[base.length] = AFTER;
        System.arraycopy(extra, 0, all, base.length + 1, extra.length);
        return Cli.run(all);
    }

    @Test
    void reportsIntroducedResolvedRulesAndStatuses() throws IOException {
        Cli.Result r = diff("--format", "json", "--fail-on", "medium");
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        JsonNode c = new ObjectMapper().readTree(r.out());
        assertEquals("edge-internal", c.get("firewall").asText());
        assertEquals(1, c.get("introduced").size());
        assertEquals("EXTRA", c.get("introduced").get(0).get("type").asText());
        assertEquals(10, c.get("introduced").get(0).get("line").asInt());
        assertEquals(1, c.get("resolved").size());
        assertEquals("L13-EDGE-INT-008", c.get("resolved").get(0).get("requirement").asText());
        assertEquals(0, c.get("unchanged").size());
        JsonNode rules = c.get("rules");
        assertEquals(3, rules.size(), rules.toString());
        assertEquals("changed", rules.get(0).get("change").asText());
        assertEquals("Centralized Logging", rules.get(0).get("name").asText());
        assertEquals("added", rules.get(1).get("change").asText());
        JsonNode st = c.get("requirements").get(0);
        assertEquals("L13-EDGE-INT-008", st.get("id").asText());
        assertEquals("MISSING", st.get("before").asText());
        assertEquals("SATISFIED", st.get("after").asText());
    }

    @Test
    void passesWhenNothingIntroducedReachesTheThreshold() {
        Cli.Result r = diff(); // the introduced EXTRA is medium; --fail-on defaults to high
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().startsWith("lyncaudit diff: firewall edge-internal\n"), r.out());
        assertTrue(r.out().contains("MISSING -> SATISFIED"), r.out());
    }

    @Test
    void sameFileBothSidesChangesNothing() {
        Cli.Result r = Cli.run("diff", Cli.PLANTED, "--firewall", "edge-internal", "--before", BEFORE, "--after", BEFORE, "--fail-on", "info");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().contains("0 introduced, 0 resolved, 1 unchanged finding(s); 0 rule change(s); 0 required flow(s)"), r.out());
    }

    @Test
    void badUsageIsExit2() {
        assertTrue(Cli.badInput(Cli.run("diff", Cli.PLANTED, "--before", BEFORE, "--after", AFTER))
                .endsWith("name the one that changes with --firewall (edge-external, edge-internal)"));
        assertTrue(Cli.badInput(Cli.run("diff", Cli.PLANTED, "--firewall", "nope", "--before", BEFORE, "--after", AFTER))
                .contains("no firewall named 'nope'"));
        assertTrue(Cli.badInput(Cli.run("diff", Cli.PLANTED, "--firewall", "edge-internal", "--before", BEFORE, "--after", "missing.csv"))
                .endsWith("missing.csv: file not found"));
        assertEquals(ExitCode.BAD_INPUT.code(), Cli.run("diff", Cli.PLANTED, "--before", BEFORE).code());
    }
}
