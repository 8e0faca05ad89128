package io.lyncaudit.importer;

import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The packets a rule's condition, or a point of a chain walk, covers in three readings, for
 * importers that flatten jumps into one first-match list (iptables, nftables): {@code must} (the
 * device surely covers them, whatever the unmodelled parts do), {@code set} (the importer's
 * reading, used for the verdict) and {@code may} (the device possibly covers them), with
 * {@code must ⊆ set ⊆ may}, and why they differ.
 *
 * <p>A flattened rule decides packet p on the device when p reaches the rule's position and
 * matches its condition; so the rule's real match lies between {@code must} and {@code may} of
 * (reach ∩ condition). When they differ, the rule is emitted uncertain with {@code may} as its
 * possible match, which is what {@link io.lyncaudit.policy.Uncertainty} needs to stay sound.
 * Exact spans (the usual case) hold one set three times and cost no more than a plain set.
 */
public final class MatchSpan {
    /** At most this many reasons are carried; a rule whose reasons were cut gets a generic one. */
    static final int MAX_REASONS = 6;

    /**
     * Why the readings differ on (at most) the packets {@code where}: the cause, what the importer
     * did about it (null when nothing is emitted for that line) and the source line it comes from
     * ({@code line} tells lines apart; {@code label} names it in reasons, "line N" when null).
     */
    private record Why(int line, String label, String cause, String consequence, PacketSet where) {
        Why(int line, String cause, String consequence, PacketSet where) {
            this(line, null, cause, consequence, where);
        }
    }

    private final PacketSet must;
    private final PacketSet set;
    private final PacketSet may;
    private final List<Why> why;

    private MatchSpan(PacketSet must, PacketSet set, PacketSet may, List<Why> why) {
        this.must = must;
        this.set = set;
        this.may = may;
        this.why = why;
    }

    /** Exactly {@code s}. */
    public static MatchSpan exact(PacketSet s) {
        return new MatchSpan(s, s, s, List.of());
    }

    /**
     * A condition read as {@code s} although the device may match only part of it (an ignored
     * match module, a dropped interface condition): the device matches some subset of {@code s}.
     */
    public static MatchSpan over(PacketSet s, int line, String cause, String consequence) {
        return over(s, line, null, cause, consequence);
    }

    /**
     * As {@link #over(PacketSet, int, String, String)}, for a line that reasons name {@code label}
     * (e.g. "file:line" for an included file) rather than "line N"; {@code line} only tells lines apart.
     */
    public static MatchSpan over(PacketSet s, int line, String label, String cause, String consequence) {
        return s.isEmpty() ? exact(s) : new MatchSpan(PacketSet.EMPTY, s, s, List.of(new Why(line, label, cause, consequence, s)));
    }

    /**
     * A condition the importer could not read or decide: read as matching nothing, the device may
     * match any part of {@code bound} (e.g. a rule left out, or packets a rule might return).
     */
    public static MatchSpan unknown(PacketSet bound, int line, String cause, String consequence) {
        return unknown(bound, line, null, cause, consequence);
    }

    /** As {@link #unknown(PacketSet, int, String, String)}, for a line that reasons name {@code label}. */
    public static MatchSpan unknown(PacketSet bound, int line, String label, String cause, String consequence) {
        return bound.isEmpty() ? exact(bound) : new MatchSpan(PacketSet.EMPTY, PacketSet.EMPTY, bound,
                List.of(new Why(line, label, cause, consequence, bound)));
    }

    /** The importer's reading. */
    public PacketSet set() {
        return set;
    }

    /** Every packet the device possibly covers. */
    public PacketSet may() {
        return may;
    }

    /** True when the device certainly covers no packet: nothing to emit, nothing reaches further. */
    public boolean isEmpty() {
        return may.isEmpty();
    }

    /** True when the reading is exactly what the device does. */
    public boolean isExact() {
        return why.isEmpty();
    }

    /** Both conditions: covered when both cover. */
    public MatchSpan intersect(MatchSpan o) {
        if (isExact() && o.isExact()) return exact(set.intersect(o.set));
        return of(must.intersect(o.must), set.intersect(o.set), may.intersect(o.may), concat(why, o.why));
    }

    /** Either condition: covered when one covers. */
    public MatchSpan union(MatchSpan o) {
        if (isExact() && o.isExact()) return exact(set.union(o.set));
        return of(must.union(o.must), set.union(o.set), may.union(o.may), concat(why, o.why));
    }

    /**
     * What is left of this span once the packets of {@code r} are taken away (a RETURN, a goto, a
     * target that may decide): surely left unless possibly taken, possibly left unless surely taken.
     */
    public MatchSpan minus(MatchSpan r) {
        if (r.isEmpty()) return this;
        if (isExact() && r.isExact()) return exact(set.subtract(r.set));
        return of(must.subtract(r.may), set.subtract(r.set), may.subtract(r.must), concat(why, r.why));
    }

    /**
     * Why the reading may not be what the device does, for a rule from source line {@code line}; null
     * when it is exact. Reasons from other lines say that whether the rule is reached depends on them.
     */
    public String reason(int line) {
        if (isExact()) return null;
        Set<String> own = new LinkedHashSet<>(), from = new LinkedHashSet<>();
        for (Why w : why) {
            if (w.line == line || w.line <= 0) own.add(w.consequence == null ? w.cause : w.cause + "; " + w.consequence);
            else from.add((w.label != null ? w.label : "line " + w.line) + " (" + w.cause + ")");
        }
        String r = String.join("; ", own);
        if (from.isEmpty()) return r;
        return (r.isEmpty() ? "" : r + "; ") + "whether it is reached depends on " + String.join(", ", from);
    }

    /** {@code rule} (built from {@link #set()}) marked uncertain with {@link #may()} when this span is not exact. */
    public Rule mark(Rule rule, int line) {
        return isExact() ? rule : rule.withUncertainty(reason(line), may);
    }

    private static List<Why> concat(List<Why> a, List<Why> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        List<Why> out = new ArrayList<>(a);
        next:
        for (Why w : b) {
            for (int i = 0; i < out.size(); i++) {
                Why o = out.get(i);
                if (o.line == w.line && o.cause.equals(w.cause)) {
                    if (o.where != w.where) out.set(i, new Why(o.line, o.label, o.cause, o.consequence, o.where.union(w.where)));
                    continue next;
                }
            }
            out.add(w);
        }
        return out;
    }

    /** Normalises: exact when the device's cover is settled; otherwise keeps the reasons that still concern an unsettled packet. */
    private static MatchSpan of(PacketSet must, PacketSet set, PacketSet may, List<Why> why) {
        PacketSet open = may.subtract(must);
        if (open.isEmpty()) return exact(set);
        List<Why> kept = new ArrayList<>(Math.min(why.size(), MAX_REASONS));
        for (Why w : why) {
            if (kept.size() == MAX_REASONS) break;
            if (w.where.intersects(open)) kept.add(w);
        }
        // the reasons explain every unsettled packet unless some were cut; never leave one unexplained
        if (kept.isEmpty()) kept.add(new Why(0, "it depends on rules that are not modelled exactly", null, open));
        return new MatchSpan(must, set, may, List.copyOf(kept));
    }

    @Override
    public String toString() {
        return isExact() ? set.toString() : "must " + must + " set " + set + " may " + may + " why " + why;
    }
}
