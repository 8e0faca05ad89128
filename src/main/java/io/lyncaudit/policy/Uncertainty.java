package io.lyncaudit.policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which decisions of the evaluator depend on a rule the importer could not model exactly
 * ({@link Rule#uncertain()}), and why.
 *
 * <p>A decision on packets P is uncertain when some uncertain rule could change its outcome:
 * <ul>
 *   <li>the deciding rule itself is uncertain (if the device does not match it, later rules decide);</li>
 *   <li>first match: an earlier uncertain rule with the other action might match part of P
 *       ({@code mayMatch} meets P). Earlier rules with the same action cannot change the outcome,
 *       and later rules never see P;</li>
 *   <li>block wins: a deny by a deny rule depends on that rule alone (no allow rule overrides it;
 *       an importer that reads a rule which may override blocks, such as Windows' authenticated
 *       bypass, marks the block rules it may override); any other decision is uncertain when an
 *       uncertain rule with the other action might match part of P.</li>
 * </ul>
 * In a translation stage (a nat chain) an earlier uncertain rule that translates otherwise changes
 * the outcome too, whatever its action: the packets would reach the later stages with another
 * destination. A redirect that takes packets off a path through the box is a deny by its rule.
 * The default decision is treated as coming after every rule. An uncertain rule that does not
 * apply between the interfaces or zones the packets crossed ({@link Decision#in()},
 * {@link Decision#out()}) cannot have decided them and changes nothing; where the crossing is not
 * known, every uncertain rule counts, which can only make more decisions uncertain, never fewer.
 *
 * <p>A policy's {@link Policy#scope() scope} is exact, and a decision of a policy names only
 * packets inside it, so what an uncertain rule may match outside the scope never meets one. The
 * unbound default a packet gets when no bound policy sees it names no policy and depends on no
 * rule: it is exact.
 */
public final class Uncertainty {
    private final Map<Policy, List<Rule>> uncertainRules = new IdentityHashMap<>();

    /** Indexes the uncertain rules of every policy of the import result (usually none). */
    public Uncertainty(ImportResult result) {
        for (Policy p : result.policies()) {
            List<Rule> us = new ArrayList<>();
            for (Rule r : p.rules()) if (r.uncertain()) us.add(r);
            if (!us.isEmpty()) uncertainRules.put(p, us);
        }
    }

    /** True when no rule of the import is uncertain (a decision may still carry the evaluator's own {@link Decision#uncertainty()}). */
    public boolean isExact() {
        return uncertainRules.isEmpty();
    }

    /** Why the decision might not be what the device does, or null when it is exact. */
    public String of(Decision d) {
        List<Rule> us = uncertainRules.get(d.policy());
        if (us == null) return d.uncertainty();
        Set<String> why = new LinkedHashSet<>();
        if (d.uncertainty() != null) why.add(d.uncertainty());
        Rule decider = d.rule();
        if (decider != null && decider.uncertain()) why.add(reason(decider));
        // block wins: a deny by a matching deny rule stands whatever the allow rules do
        if (d.policy().kind() == PolicyKind.BLOCK_WINS && decider != null && d.action() == Action.DENY) {
            return why.isEmpty() ? null : String.join("; ", why);
        }
        Translation dt = decider == null ? null : decider.translation();
        for (Rule u : us) {
            // a rule of the same action changes nothing, unless it translates differently
            if (u == decider || (u.action() == d.action() && java.util.Objects.equals(u.translation(), dt))) continue;
            // a rule limited to other interfaces or zones never saw these packets
            if (!u.appliesBetween(d.in(), d.out())) continue;
            boolean before = d.policy().kind() == PolicyKind.BLOCK_WINS || decider == null || u.index() < decider.index();
            if (before && u.mayMatch().intersects(d.seen())) why.add(reason(u));
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** Why any of the decisions might not be what the device does, or null when all are exact. */
    public String of(List<Decision> decisions) {
        Set<String> why = new LinkedHashSet<>();
        for (Decision d : decisions) {
            String w = of(d);
            if (w != null) why.add(w);
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private static String reason(Rule r) {
        return (r.source() != null ? r.source().where() + ": " : "") + r.uncertainty();
    }
}
