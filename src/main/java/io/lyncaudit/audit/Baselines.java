package io.lyncaudit.audit;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the findings of this audit with a baseline report by stable finding id: each finding is
 * new or unchanged, and the baseline's findings that are gone are resolved.
 */
final class Baselines {
    private Baselines() {}

    /** Findings marked new/unchanged (order kept) and the resolved findings of the baseline. */
    record Comparison(List<Finding> findings, List<Finding> resolved) {
    }

    static Comparison compare(List<Finding> findings, Report baseline) {
        if (baseline == null) return new Comparison(findings, List.of());
        Set<String> before = new LinkedHashSet<>();
        for (Finding f : baseline.findings()) before.add(f.id());
        Set<String> now = new LinkedHashSet<>();
        List<Finding> marked = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            now.add(f.id());
            marked.add(f.withBaseline(before.contains(f.id()) ? Finding.UNCHANGED : Finding.NEW));
        }
        List<Finding> resolved = baseline.findings().stream().filter(f -> !now.contains(f.id())).toList();
        return new Comparison(marked, resolved);
    }
}
