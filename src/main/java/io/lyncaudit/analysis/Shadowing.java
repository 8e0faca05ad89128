package io.lyncaudit.analysis;

import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Rule;
import java.util.List;

/**
 * Fact: a permit rule that would satisfy (part of) a requirement, but earlier rules take its
 * traffic; {@code shadowers} are the decisions of those earlier rules.
 */
public record Shadowing(Coverage coverage, Rule shadowed, List<Decision> shadowers) {

    public Shadowing {
        shadowers = List.copyOf(shadowers);
    }
}
