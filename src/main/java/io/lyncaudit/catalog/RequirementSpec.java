package io.lyncaudit.catalog;

import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.SourceRow;
import java.util.List;

/**
 * A catalog requirement as its Drools rule states it: id, title, severity, the reference rows it
 * rests on, the flow, and the decision taken where the docs disagree.
 *
 * @param scenarios scenario ids the rule applies to (as declared; a meta-test checks the rule's conditions agree)
 * @param features  feature condition as declared: "" (always), "a" or "a | b"
 */
public record RequirementSpec(String id, String title, Severity severity, List<SourceRow> sources, FlowSpec flow,
                              String decision, List<String> scenarios, String features) {

    public RequirementSpec {
        sources = List.copyOf(sources);
        scenarios = List.copyOf(scenarios);
    }

    public RequirementRef ref() {
        return new RequirementRef(id, title, sources, decision);
    }
}
