package io.lyncaudit.finding;

import java.util.List;

/** The requirement a finding is about: id, title and the reference rows it rests on (the first is "source"). */
public record RequirementRef(String id, String title, List<SourceRow> sources, String decision) {

    public RequirementRef {
        sources = List.copyOf(sources);
    }

    public SourceRow source() {
        return sources.isEmpty() ? null : sources.get(0);
    }
}
