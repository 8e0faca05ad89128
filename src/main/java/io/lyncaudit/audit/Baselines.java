package io.lyncaudit.audit;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the findings of this audit with a baseline report by stable finding id: each finding is
 * new or unchanged, and the baseline's findings that are gone are resolved, unless their
 * requirement now shares another finding's opening (see {@link #mergedInto}).
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
        List<Finding> resolved = baseline.findings().stream().filter(f -> !now.contains(f.id()) && mergedInto(f, findings) == null).toList();
        return new Comparison(marked, resolved);
    }

    /**
     * The finding of {@code now} that an earlier finding was merged into: one on the same firewall,
     * of the same type, that cites the earlier finding's requirement as one of the others sharing its
     * opening. The earlier finding's id is gone, but its requirement is as unmet as before, so it is
     * not resolved. Null when there is none.
     */
    static Finding mergedInto(Finding old, List<Finding> now) {
        if (old.requirement() == null || old.requirement().id() == null) return null;
        for (Finding f : now) {
            if (f.shared() && f.type() == old.type() && f.firewall().equals(old.firewall()) && f.cites(old.requirement().id())
                    && !old.requirement().id().equalsIgnoreCase(f.requirement().id())) {
                return f;
            }
        }
        return null;
    }
}
