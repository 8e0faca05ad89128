package io.lyncaudit.waiver;

import io.lyncaudit.finding.Finding;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Applies waivers to the findings of an audit: a pure function of the findings, the waivers and
 * today's date. A finding accepted by a valid waiver becomes a waived copy; the first waiver in
 * file order that matches wins. An expired waiver accepts nothing and is reported, as is one that
 * expires within {@code warnDays} and one that matched no finding.
 */
public final class WaiverMatcher {
    private WaiverMatcher() {}

    /** What a waiver note is about. */
    public enum Kind {
        /** Past its date: it no longer accepts anything. */
        EXPIRED,
        /** Still valid, but expires within the warning window. */
        EXPIRING,
        /** Valid, and accepted no finding of this audit. */
        UNUSED
    }

    /** A problem of one waiver, for the report's diagnostics. */
    public record Note(Kind kind, Waiver waiver, String message) {
    }

    /** The findings (waived ones replaced by waived copies, order kept) and the notes. */
    public record Outcome(List<Finding> findings, List<Note> notes) {
        public Outcome {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }

        public long count(Kind k) {
            return notes.stream().filter(n -> n.kind() == k).count();
        }
    }

    /**
     * True when the waiver's criteria (not its date) select the finding. A waiver's requirement
     * selects a finding that cites it, as its primary requirement or as one that shares its
     * opening: several requirements can share one finding, and a waiver written for any of them
     * still accepts it. Type, firewall and flow are the finding's own.
     */
    public static boolean matches(Waiver w, Finding f) {
        if (w.type() != f.type()) return false;
        if (w.finding() != null && !w.finding().equals(f.id())) return false;
        if (w.requirement() != null && !f.cites(w.requirement())) return false;
        if (w.firewall() != null && !w.firewall().equals(f.firewall())) return false;
        return w.flow() == null || w.flow().contains(f.flow());
    }

    public static Outcome apply(List<Finding> findings, List<Waiver> waivers, LocalDate today, int warnDays) {
        List<Finding> out = new ArrayList<>(findings.size());
        // by identity: two identical entries of the file are still two waivers
        Set<Waiver> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Waiver> matchedExpired = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Finding f : findings) {
            Finding result = f;
            for (Waiver w : waivers) {
                if (!matches(w, f)) continue;
                if (expired(w, today)) {
                    matchedExpired.add(w);
                    continue;
                }
                used.add(w);
                result = f.waivedBy(w.ref());
                break;
            }
            out.add(result);
        }
        List<Note> notes = new ArrayList<>();
        for (Waiver w : waivers) {
            if (expired(w, today)) {
                notes.add(new Note(Kind.EXPIRED, w, "waiver " + w.describe() + " (owner " + w.owner() + ") expired on " + w.expires()
                        + " and no longer suppresses " + (matchedExpired.contains(w) ? "the findings it matches" : "anything")));
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, w.expires());
            if (days <= warnDays) {
                notes.add(new Note(Kind.EXPIRING, w, "waiver " + w.describe() + " (owner " + w.owner() + ") expires on " + w.expires()
                        + ", in " + days + " day" + (days == 1 ? "" : "s")));
            }
            if (!used.contains(w)) {
                notes.add(new Note(Kind.UNUSED, w, "waiver " + w.describe() + " (owner " + w.owner() + ") matched no finding; remove it or fix its criteria"));
            }
        }
        return new Outcome(out, notes);
    }

    /** A waiver is valid through its expiry date and expired from the day after. */
    static boolean expired(Waiver w, LocalDate today) {
        return today.isAfter(w.expires());
    }
}
