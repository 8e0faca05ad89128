package io.lyncaudit.policy;

import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import java.util.Set;

/**
 * One vendor-neutral rule: the packets it matches, what it does with them, the interfaces or
 * zones it is limited to (empty = any) and the config line it comes from.
 *
 * @param index     1-based position in its policy (first-match order)
 * @param name      the rule's name in the source, or null
 * @param fromZones ingress interfaces or zones the rule is limited to; empty means any; names may be
 *                  wildcards ({@code eth+}) or exclusions ({@code !lo}), see {@link Zones}
 * @param toZones   egress interfaces or zones the rule is limited to; empty means any
 * @param mayMatch    every packet the device might match with this rule; equals {@code match}
 *                    unless the rule depends on something not modelled (a time range, a name
 *                    resolved at run time, an unmodelled match module), when {@code match} is the
 *                    importer's best reading and {@code mayMatch} bounds what the device could do
 * @param uncertainty why the rule is not exactly modelled, or null when it is
 * @param translation for a permit rule of a translation stage (a nat chain), the destination
 *                    translation it applies to what it matches; null for a plain rule
 */
public record Rule(int index, String name, Action action, PacketSet match, Set<String> fromZones,
                   Set<String> toZones, SourceRef source, PacketSet mayMatch, String uncertainty, Translation translation) {

    public Rule {
        fromZones = Set.copyOf(fromZones);
        toZones = Set.copyOf(toZones);
        if (mayMatch == null) mayMatch = match;
        if (uncertainty == null && !mayMatch.equals(match)) {
            throw new IllegalArgumentException("a rule whose possible match differs from its match needs a reason");
        }
        if (translation != null && action != Action.PERMIT) {
            throw new IllegalArgumentException("only a permit rule translates");
        }
    }

    /** A rule without translation. */
    public Rule(int index, String name, Action action, PacketSet match, Set<String> fromZones,
                Set<String> toZones, SourceRef source, PacketSet mayMatch, String uncertainty) {
        this(index, name, action, match, fromZones, toZones, source, mayMatch, uncertainty, null);
    }

    /** An exactly modelled rule. */
    public Rule(int index, String name, Action action, PacketSet match, Set<String> fromZones,
                Set<String> toZones, SourceRef source) {
        this(index, name, action, match, fromZones, toZones, source, match, null, null);
    }

    /** True when the rule depends on something the importer could not model. */
    public boolean uncertain() {
        return uncertainty != null;
    }

    /**
     * This rule marked as not exactly modelled: {@code match} stays the reading used for the
     * verdict, {@code mayMatch} widens to every packet the device might match (at least {@code match}).
     */
    public Rule withUncertainty(String reason, PacketSet possible) {
        String why = uncertainty == null ? reason : uncertainty + "; " + reason;
        return new Rule(index, name, action, match, fromZones, toZones, source, mayMatch.union(possible).union(match), why, translation);
    }

    /** This rule at another position, e.g. once its policy is renumbered. */
    public Rule withIndex(int newIndex) {
        return new Rule(newIndex, name, action, match, fromZones, toZones, source, mayMatch, uncertainty, translation);
    }

    /** This rule translating what it matches (a DNAT or redirect of a nat chain). */
    public Rule withTranslation(Translation t) {
        return new Rule(index, name, action, match, fromZones, toZones, source, mayMatch, uncertainty, t);
    }

    /** The smallest box holding every packet the rule matches, for cheap rejection. */
    public PacketBox bounds() {
        return match.bounds();
    }

    /**
     * True when the rule applies to traffic entering at {@code in} and leaving at {@code out} (null =
     * unknown, matches); see {@link Zones} for wildcards and exclusions.
     */
    public boolean appliesBetween(String in, String out) {
        return Zones.admits(fromZones, in) && Zones.admits(toZones, out);
    }
}
