package io.lyncaudit.engine;

import io.lyncaudit.catalog.FlowSpec;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.SourceRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * The global sink of catalog rules: a rule that applies calls {@code catalog.require(drools.getRule())},
 * and the requirement is built from the rule's metadata (id, title, severity, source, flow, ...).
 */
public final class RequirementCollector {
    private final Map<String, RequirementSpec> found = new LinkedHashMap<>();

    /** Called from rule consequences. */
    public void require(Rule rule) {
        RequirementSpec spec = specOf(rule);
        found.putIfAbsent(spec.id(), spec);
    }

    public List<RequirementSpec> requirements() {
        return new ArrayList<>(found.values());
    }

    /** True when the rule is a catalog requirement (it has an @id). */
    public static boolean isRequirement(Rule rule) {
        return rule.getMetaData().containsKey("id");
    }

    /** Reads a rule's metadata into a spec; throws IllegalStateException naming the rule when it is malformed. */
    public static RequirementSpec specOf(Rule rule) {
        Map<String, Object> m = rule.getMetaData();
        try {
            String id = text(m, "id");
            String title = text(m, "title");
            Severity severity = Severity.parse(text(m, "severity"));
            List<SourceRow> sources = new ArrayList<>();
            for (String s : text(m, "source").split(";")) sources.add(sourceRow(s.trim()));
            FlowSpec flow = FlowSpec.parse(text(m, "flow"));
            String decision = m.containsKey("decision") ? text(m, "decision") : null;
            List<String> scenarios = Arrays.stream(text(m, "scenarios").split(",")).map(String::trim).toList();
            String features = m.containsKey("features") ? text(m, "features") : "";
            String check = m.containsKey("check") ? text(m, "check") : RequirementSpec.FIREWALL;
            return new RequirementSpec(id, title, severity, sources, flow, decision, scenarios, features, check);
        } catch (RuntimeException e) {
            throw new IllegalStateException("rule '" + rule.getName() + "': " + e.getMessage(), e);
        }
    }

    /** "file.md#1/9" to a source row. */
    static SourceRow sourceRow(String s) {
        int hash = s.lastIndexOf('#');
        int slash = s.lastIndexOf('/');
        if (hash < 0 || slash < hash) throw new IllegalArgumentException("source '" + s + "' is not FILE#TABLE/ROW");
        return new SourceRow(s.substring(0, hash), Integer.parseInt(s.substring(hash + 1, slash).trim()),
                Integer.parseInt(s.substring(slash + 1).trim()));
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) throw new IllegalArgumentException("metadata @" + key + " is missing");
        String s = v.toString().trim();
        // Drools keeps the quotes of a quoted annotation value in some paths
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }
}
