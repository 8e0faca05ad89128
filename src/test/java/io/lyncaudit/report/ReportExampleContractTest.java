package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared contract example, read and rendered again, keeps every key path, value and key order
 * of the example. Skipped when the shared folder (system property {@code lyncaudit.shared},
 * default {@code ../shared}) is not there.
 */
class ReportExampleContractTest {

    private static JsonNode example() throws IOException {
        Path file = Path.of(System.getProperty("lyncaudit.shared", "../shared"), "contracts", "report.example.json");
        assumeTrue(Files.isRegularFile(file), "no " + file + "; contract test skipped");
        return new ObjectMapper().readTree(file.toFile());
    }

    private static JsonNode rerendered(JsonNode example) throws IOException {
        Report report = JsonReportReader.read(new java.io.ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(example)), "example");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportRenderer().render(report, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void everyKeyPathValueAndOrderOfTheExampleSurvives() throws IOException {
        JsonNode example = example();
        JsonNode output = rerendered(example);
        List<String> problems = new ArrayList<>();
        compare("$", example, output, problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void theComparisonNoticesAMissingKey() throws IOException {
        JsonNode example = example();
        JsonNode output = rerendered(example);
        ((com.fasterxml.jackson.databind.node.ObjectNode) output.get("findings").get(0).get("witness")).remove("sourcePort");
        List<String> problems = new ArrayList<>();
        compare("$", example, output, problems);
        assertTrue(problems.contains("$.findings[0].witness.sourcePort: missing"), problems.toString());
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> problems) {
        if (actual == null) {
            problems.add(at + ": missing");
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                problems.add(at + ": not an object");
                return;
            }
            List<String> order = new ArrayList<>();
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (expected.has(k)) order.add(k);
            }
            List<String> want = new ArrayList<>();
            expected.fieldNames().forEachRemaining(want::add);
            if (order.size() == want.size() && !order.equals(want)) problems.add(at + ": key order " + order + ", want " + want);
            expected.properties().forEach(e -> compare(at + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), problems));
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                problems.add(at + ": array of " + (actual.isArray() ? actual.size() : "none") + ", want " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) compare(at + "[" + i + "]", expected.get(i), actual.get(i), problems);
        } else if (!expected.equals(actual)) {
            problems.add(at + ": " + actual + ", want " + expected);
        }
    }
}
