package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.engine.RuleEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lyncaudit requirements`: the catalog (--all), or the concrete flows of one deployment. */
class RequirementsCommandTest {

    private static final String HEADER = "id,source_file,table,row,protocol,ports,source,destination,scenarios,features,severity,title,decision";
    private static final String NAT_DOC = "lync-server-2013-port-summary-single-consolidated-edge-with-private-ip-addresses-using-nat.md";
    private static final String PUBLIC_DOC = "lync-server-2013-port-summary-single-consolidated-edge-with-public-ip-addresses.md";

    @TempDir
    Path tmp;

    private static List<List<String>> csv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(text))) rows.add(r.toList());
        return rows;
    }

    @Test
    void catalogAsCsvHasOneLinePerRequirementAndSourceRow() throws IOException {
        Cli.Result r = Cli.run("requirements", "--all", "--format", "csv");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals("", r.err());
        assertEquals(HEADER, r.out().lines().findFirst().orElseThrow());

        List<List<String>> rows = csv(r.out());
        List<List<String>> all = rows.subList(1, rows.size());
        // rows with an id are requirements; rows without one are the doc rows no rule encodes, with the reason as title
        List<List<String>> data = all.stream().filter(row -> !row.get(0).isEmpty()).toList();
        List<List<String>> unencoded = all.stream().filter(row -> row.get(0).isEmpty()).toList();
        assertTrue(unencoded.stream().allMatch(row -> row.get(11).startsWith("not enforced: ") || row.get(11).startsWith("not encoded yet")),
                "unencoded rows carry their reason");
        assertTrue(unencoded.stream().anyMatch(row -> row.get(1).contains("configuring-port-ranges") && row.get(11).contains("portRanges")));
        List<RequirementSpec> catalog = RuleEngine.builtIn().catalog();
        assertEquals(catalog.stream().mapToInt(s -> s.sources().size()).sum(), data.size());
        Set<List<String>> keys = new HashSet<>();
        for (List<String> row : data) {
            assertEquals(13, row.size(), row::toString);
            assertTrue(keys.add(row.subList(0, 4)), () -> "one line per (requirement, source row): " + row);
        }
        assertEquals(catalog.stream().map(RequirementSpec::id).distinct().sorted().toList(),
                data.stream().map(row -> row.get(0)).distinct().sorted().toList(), "every requirement is listed");

        Set<String> ext009 = new HashSet<>();
        for (List<String> row : data) {
            if (row.get(0).equals("L13-EDGE-EXT-009")) ext009.add(row.get(1));
        }
        assertTrue(ext009.containsAll(Set.of(NAT_DOC, PUBLIC_DOC)), "L13-EDGE-EXT-009 comes from both single consolidated Edge documents (and the pages that repeat it)");
    }

    @Test
    void deploymentAsJsonHasConcreteAddresses() throws IOException {
        Cli.Result r = Cli.run("requirements", Cli.PLANTED, "--format", "json");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertTrue(list.isArray() && list.size() > 0, r::toString);
        JsonNode media = null;
        for (JsonNode n : list) {
            if (n.get("id").asText().equals("L13-EDGE-EXT-009")) media = n;
            // roles and ${...} port variables are resolved: no placeholder is left
            for (String field : List.of("source", "destination", "ports")) {
                String v = n.get(field).asText();
                assertFalse(v.contains("${") || v.matches(".*[a-z]+Edge.*"), () -> field + " not resolved: " + n);
            }
        }
        assertTrue(media != null, "L13-EDGE-EXT-009 applies to the planted deployment");
        assertEquals("edge-external", media.get("firewall").asText());
        assertEquals("TCP", media.get("protocol").asText());
        assertEquals("50000-59999", media.get("ports").asText());
        assertEquals("172.25.33.12", media.get("source").asText(), "the A/V Edge's private address, as the firewall sees it");
    }

    @Test
    void catalogAsXlsxHasTheSameRowsAsCsv() throws IOException {
        Path file = tmp.resolve("catalog.xlsx");
        Cli.Result r = Cli.run("requirements", "--all", "--format", "xlsx", "--out", file);
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals(List.of("catalog.xlsx"), Cli.list(tmp), "no temp file left");

        List<List<String>> cells = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            assertEquals(1, wb.getNumberOfSheets());
            for (Row row : wb.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? "" : fmt.formatCellValue(cell));
                }
                cells.add(values);
            }
        }
        assertEquals(csv(Cli.run("requirements", "--all", "--format", "csv").out()), cells);
    }

    @Test
    void xlsxNeedsOut() {
        assertEquals("xlsx is binary; give --out FILE", Cli.badInput(Cli.run("requirements", "--all", "--format", "xlsx")));
    }

    @Test
    void outNamingADirectoryIsBadUsage() throws IOException {
        // used to be exit 3: "internal error: ... Is a directory"
        Path dir = Files.createDirectories(tmp.resolve("reports"));
        assertEquals(dir + " is a directory; --out names the file to write here",
                Cli.badInput(Cli.run("requirements", "--all", "--format", "csv", "--out", dir)));
        assertEquals(List.of(), Cli.list(dir));
    }

    @Test
    void neitherDeploymentNorAll() {
        assertEquals("give a deployment file, or --all for the whole catalog", Cli.badInput(Cli.run("requirements")));
    }

    @Test
    void missingDeployment() {
        Path nope = tmp.resolve("nope.yaml");
        assertEquals(Cli.shown(nope) + ": deployment file not found", Cli.badInput(Cli.run("requirements", nope)));
    }
}
