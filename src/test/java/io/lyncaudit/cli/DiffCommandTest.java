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
    void anEditedAclEntryOfANativeExportIsChangedNotRemovedAndAdded(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        // the planted PARTIAL of the native-export sample, fixed: edge02's A/V Edge joins the TCP 443 entry
        Path sample = Path.of("samples/contoso-scaled-dns-nat");
        Path after = tmp.resolve("edge-external.asa");
        String text = java.nio.file.Files.readString(sample.resolve("edge-external.asa"));
        String old = "access-list outside_in extended permit tcp any object AVE01 eq https";
        assertTrue(text.contains(old));
        java.nio.file.Files.writeString(after, text.replace(old, "access-list outside_in extended permit tcp any object-group AV_EDGES eq https")
                .replace("access-list dmz_in extended deny ip any any log", "access-list dmz_in extended permit udp object-group AV_EDGES any eq 3478\n"
                        + "access-list dmz_in extended deny ip any any log"));
        Cli.Result r = Cli.run("diff", sample.resolve("deployment.yaml"), "--firewall", "edge-external", "--before", sample.resolve("edge-external.asa"),
                "--after", after, "--format", "json");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        JsonNode c = new ObjectMapper().readTree(r.out());
        JsonNode rules = c.get("rules");
        assertEquals(2, rules.size(), rules.toString());
        assertEquals("changed", rules.get(0).get("change").asText(), "same ACL, same place: the entry changed");
        assertEquals(89, rules.get(0).get("beforeLine").asInt(), rules.toString());
        assertEquals(89, rules.get(0).get("afterLine").asInt(), rules.toString());
        assertEquals("added", rules.get(1).get("change").asText(), "the new dmz_in entry: its ACL lost no entry to pair it with");
        assertEquals(2, c.get("resolved").size(), "the PARTIAL and the MISDIRECTED: " + c.get("resolved"));
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
