package io.lyncaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.SourceRow;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The project's own index of the reference rows (rules/lync-server-2013/source-rows.csv) against
 * the documents and against the catalog: every row is encoded by a rule, deliberately not
 * enforced (not-enforced.csv, with the reason), or still on the work list (pending.csv).
 */
class SourceRowIndexTest {
    static final Path CATALOG = Path.of("rules/lync-server-2013");
    private static final Path INDEX = CATALOG.resolve("source-rows.csv");
    private static final Path REF = Path.of(System.getProperty("lyncaudit.shared", "../shared"), "reference", "lync-server-2013");

    static Map<String, ReferenceTables.Row> index() throws IOException {
        Map<String, ReferenceTables.Row> out = new LinkedHashMap<>();
        for (CSVRecord r : csv(INDEX)) {
            ReferenceTables.Row row = new ReferenceTables.Row(r.get("file"), Integer.parseInt(r.get("table")),
                    Integer.parseInt(r.get("row")), r.get("protocol"), r.get("ports"));
            out.put(row.key(), row);
        }
        return out;
    }

    static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    static Set<String> keys(Path p) throws IOException {
        Set<String> s = new TreeSet<>();
        for (CSVRecord r : csv(p)) s.add(r.get("file") + "#" + r.get("table") + "/" + r.get("row"));
        return s;
    }

    @Test
    void indexMatchesTheReferenceDocuments() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REF), "reference docs not present");
        List<ReferenceTables.Row> rows = ReferenceTables.read(REF);
        if (Boolean.getBoolean("lyncaudit.updateGolden")) {
            try (Writer w = Files.newBufferedWriter(INDEX, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                p.printRecord("file", "table", "row", "protocol", "ports");
                for (ReferenceTables.Row r : rows) p.printRecord(r.file(), r.table(), r.row(), r.protocol(), r.ports());
            }
        }
        assertEquals(new ArrayList<>(rows), new ArrayList<>(index().values()),
                "source-rows.csv differs from the documents (run with -Dlyncaudit.updateGolden=true to rewrite it)");
    }

    @Test
    void everyRuleCitesIndexedRowsWithTheSameProtocolAndPorts() throws IOException {
        Map<String, ReferenceTables.Row> index = index();
        for (RequirementSpec s : RuleEngine.builtIn().catalog()) {
            for (SourceRow src : s.sources()) {
                ReferenceTables.Row row = index.get(src.file() + "#" + src.table() + "/" + src.row());
                assertTrue(row != null, s.id() + " cites " + src + ", which is not a row of the reference documents");
                if (row.protocol().matches("UDP (and|&) TCP")) {
                    // the IPsec table's two spellings of one protocol pair: the flow must name both
                    assertEquals("TCP+UDP", s.flow().protocolText(), s.id() + ": protocol of " + src);
                    continue;
                }
                if (row.protocol().matches("TCP|UDP") && s.isIpsec()) {
                    assertEquals(row.protocol(), s.flow().protocolText(), s.id() + ": protocol of " + src);
                }
                if (!row.protocol().matches("TCP|UDP") || !row.ports().matches("[0-9-]+")) continue;
                assertEquals(row.protocol(), Protocols.name(s.flow().protocol()), s.id() + ": protocol of " + src);
                String ports = s.flow().ports();
                // a configured range is checked with its default, which is the documents' range
                if (ports.startsWith("${")) ports = DeploymentLoader.DEFAULT_PORT_RANGES.get(ports.substring(2, ports.length() - 1));
                IntervalSet mine = Ports.parseRange(ports), theirs = Ports.parseRange(row.ports());
                assertEquals(Ports.format(theirs), Ports.format(mine), s.id() + ": ports of " + src);
            }
        }
    }

    @Test
    void everyRowIsEncodedDeliberatelyLeftOutOrPending() throws IOException {
        Set<String> all = new TreeSet<>(index().keySet());
        Set<String> encoded = new TreeSet<>();
        for (RequirementSpec s : RuleEngine.builtIn().catalog()) {
            for (SourceRow src : s.sources()) encoded.add(src.file() + "#" + src.table() + "/" + src.row());
        }
        Set<String> notEnforced = keys(CATALOG.resolve("not-enforced.csv"));
        Set<String> pending = keys(CATALOG.resolve("pending.csv"));
        for (CSVRecord r : csv(CATALOG.resolve("not-enforced.csv"))) {
            assertTrue(!r.get("reason").isBlank(), "not-enforced rows need a reason: " + r);
        }
        for (Set<String> listed : List.of(notEnforced, pending)) {
            Set<String> unknown = new TreeSet<>(listed);
            unknown.removeAll(all);
            assertEquals(Set.of(), unknown, "listed rows that are not in the index");
        }
        Set<String> both = new TreeSet<>(encoded);
        both.retainAll(notEnforced);
        assertEquals(Set.of(), both, "rows both encoded and listed as not enforced");
        both = new TreeSet<>(encoded);
        both.retainAll(pending);
        assertEquals(Set.of(), both, "rows encoded by a rule must leave pending.csv");
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(encoded);
        missing.removeAll(notEnforced);
        missing.removeAll(pending);
        assertEquals(Set.of(), missing, "rows nobody encoded, left out or put on the work list");
    }
}
