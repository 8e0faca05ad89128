package io.lyncaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.deployment.EdgeScenario;
import io.lyncaudit.deployment.Features;
import io.lyncaudit.finding.SourceRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

/** Keeps the catalog honest: ids unique, metadata complete, source rows real, conditions agreeing with metadata. */
class CatalogMetaTest {
    private static final RuleEngine ENGINE = RuleEngine.builtIn();

    private static List<RequirementSpec> specs() {
        List<RequirementSpec> out = new ArrayList<>();
        for (Rule r : ENGINE.catalogRules()) out.add(RequirementCollector.specOf(r));
        return out;
    }

    @Test
    void everyRuleHasCompleteMetadataAndAUniqueIdMatchingItsName() {
        Set<String> ids = new HashSet<>();
        for (Rule r : ENGINE.catalogRules()) {
            RequirementSpec s = RequirementCollector.specOf(r);
            assertTrue(ids.add(s.id()), "duplicate id " + s.id());
            assertTrue(s.id().matches("L13-[A-Z0-9]+(-[A-Z0-9]+)*-\\d{3}"), "id format: " + s.id());
            assertEquals(s.id() + " " + s.title(), r.getName(), "rule name is '<id> <title>'");
            assertFalse(s.sources().isEmpty(), s.id() + " names no source row");
            assertFalse(s.scenarios().isEmpty(), s.id() + " names no scenario");
            for (String sc : s.scenarios()) assertTrue(EdgeScenario.fromId(sc) != null, s.id() + ": unknown scenario " + sc);
        }
        assertTrue(ids.size() >= 28, "the single consolidated Edge catalog has at least 28 requirements, found " + ids.size());
    }

    /** The rule's when-part and its @scenarios/@features metadata must say the same thing. */
    @Test
    void conditionsAgreeWithMetadata() {
        List<String> all = new ArrayList<>(Features.DEFAULTS.keySet());
        for (EdgeScenario sc : EdgeScenario.values()) {
            Set<String> firedAllOn = ids(ENGINE.requirements(sc.id(), all));
            Set<String> firedAllOff = ids(ENGINE.requirements(sc.id(), List.of()));
            for (RequirementSpec s : specs()) {
                boolean inScenario = s.scenarios().contains(sc.id());
                assertEquals(inScenario, firedAllOn.contains(s.id()), s.id() + " in " + sc.id() + " with every feature on");
                assertEquals(inScenario && s.features().isEmpty(), firedAllOff.contains(s.id()),
                        s.id() + " in " + sc.id() + " with every feature off");
                if (!inScenario || s.features().isEmpty()) continue;
                // each AND-clause is an OR of features: one feature of every clause on must fire it,
                // and turning a whole clause off must not
                String[] clauses = s.features().split(",");
                List<String> firstOfEach = new ArrayList<>();
                for (String c : clauses) firstOfEach.add(c.split("\\|")[0].trim());
                for (int i = 0; i < clauses.length; i++) {
                    for (String f : clauses[i].split("\\|")) {
                        List<String> on = new ArrayList<>(firstOfEach);
                        on.set(i, f.trim());
                        assertTrue(ids(ENGINE.requirements(sc.id(), on)).contains(s.id()), s.id() + " should fire with " + on);
                    }
                    List<String> without = new ArrayList<>(all);
                    for (String f : clauses[i].split("\\|")) without.remove(f.trim());
                    assertFalse(ids(ENGINE.requirements(sc.id(), without)).contains(s.id()),
                            s.id() + " must not fire without any of " + clauses[i]);
                }
            }
        }
    }

    /** Every cited table row exists in the reference document, when ../shared is present. */
    @Test
    void everySourceRowExistsInTheReferenceDocs() throws IOException {
        Path ref = Path.of(System.getProperty("lyncaudit.shared", "../shared"), "reference", "lync-server-2013");
        Assumptions.assumeTrue(Files.isDirectory(ref), "reference docs not present");
        for (RequirementSpec s : specs()) {
            for (SourceRow row : s.sources()) {
                Path doc = ref.resolve(row.file());
                assertTrue(Files.isRegularFile(doc), s.id() + ": no document " + row.file());
                List<Integer> rows = tableBodyRows(Files.readString(doc));
                assertTrue(row.table() >= 1 && row.table() <= rows.size(), s.id() + ": " + row + " - the document has " + rows.size() + " tables");
                assertTrue(row.row() >= 1 && row.row() <= rows.get(row.table() - 1), s.id() + ": " + row + " - the table has "
                        + rows.get(row.table() - 1) + " body rows");
            }
        }
    }

    /** Number of body rows of each table, in document order. */
    static List<Integer> tableBodyRows(String html) {
        List<Integer> out = new ArrayList<>();
        Matcher t = Pattern.compile("(?s)<table[^>]*>(.*?)</table>").matcher(html);
        while (t.find()) {
            Matcher body = Pattern.compile("(?s)<tbody>(.*?)</tbody>").matcher(t.group(1));
            int n = 0;
            if (body.find()) {
                Matcher tr = Pattern.compile("<tr[ >]").matcher(body.group(1));
                while (tr.find()) n++;
            }
            out.add(n);
        }
        return out;
    }

    private static Set<String> ids(List<RequirementSpec> l) {
        Set<String> s = new HashSet<>();
        for (RequirementSpec r : l) s.add(r.id());
        return s;
    }
}
