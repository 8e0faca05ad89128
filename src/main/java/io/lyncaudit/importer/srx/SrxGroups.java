package io.lyncaudit.importer.srx;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.model.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration groups: {@code groups NAME ...} holds statements that {@code apply-groups NAME}
 * brings into the configuration where it stands, as the device does when it commits.
 *
 * <ul>
 *   <li>A group statement is inherited at an {@code apply-groups} when its path begins with the
 *       path of the apply-groups (word for word, a {@code <pattern>} word of the group matching any
 *       word that fits it); what lies above the apply point is not inherited.</li>
 *   <li>A {@code <pattern>} word below the apply point matches the names the configuration itself
 *       has there ({@code security-zone <*>} every zone it defines): a wildcard adds to what exists,
 *       it creates nothing.</li>
 *   <li>{@code apply-groups-except NAME} stops NAME from being inherited below it.</li>
 *   <li>The configuration's own statements come first and win where a value can be said once
 *       (the reader keeps the first such value when a later one is inherited); inherited ones follow
 *       in the order of the apply-groups (deeper apply points first, then as listed), so that an
 *       inherited policy comes after the context's own policies.</li>
 *   <li>A group that cannot be inherited (a name with a variable such as the chassis cluster's
 *       {@code ${node}}, a group that is not defined) is reported; the reader then makes the stages
 *       its security statements could change uncertain ({@link SrxConfig.StandIn}).</li>
 * </ul>
 */
final class SrxGroups {
    private SrxGroups() {}

    /** Where a group is applied: the path above the {@code apply-groups} word, the group, and the statement. */
    private record Apply(List<String> at, String group, SrxStatement st) {}

    /** The statements the configuration holds once its groups are inherited, and the bookkeeping of the groups. */
    record Expanded(List<SrxStatement> statements, Map<SrxStatement, SrxStatement> origin, Map<SrxStatement, SrxStatement> appliedBy,
                    List<SrxStatement> groupStatements, List<SrxStatement> applyStatements, List<SrxStatement> uninheritable) {}

    static Expanded expand(String file, List<SrxStatement> all, LineLedger ledger) throws BadInputException {
        List<SrxStatement> local = new ArrayList<>();
        Map<String, List<SrxStatement>> groups = new LinkedHashMap<>();
        List<SrxStatement> groupStatements = new ArrayList<>();
        List<Apply> applies = new ArrayList<>();
        List<Apply> excepts = new ArrayList<>();
        List<SrxStatement> applyStatements = new ArrayList<>();
        for (SrxStatement st : all) {
            if (st.is(0, "groups") && st.size() >= 2) {
                groupStatements.add(st);
                if (st.size() == 2) continue;
                groups.computeIfAbsent(st.word(1), k -> new ArrayList<>()).add(st);
                continue;
            }
            int ag = st.words.indexOf("apply-groups");
            int ex = st.words.indexOf("apply-groups-except");
            if (ag >= 0 && ag == st.size() - 2) {
                applyStatements.add(st);
                if (!st.inactive) applies.add(new Apply(st.words.subList(0, ag), st.word(ag + 1), st));
                continue;
            }
            if (ex >= 0 && ex == st.size() - 2) {
                applyStatements.add(st);
                if (!st.inactive) excepts.add(new Apply(st.words.subList(0, ex), st.word(ex + 1), st));
                continue;
            }
            local.add(st);
        }
        Map<SrxStatement, SrxStatement> origin = new IdentityHashMap<>(), appliedBy = new IdentityHashMap<>();
        List<SrxStatement> uninheritable = new ArrayList<>();
        if (applies.isEmpty()) return new Expanded(local, origin, appliedBy, groupStatements, applyStatements, uninheritable);

        // deeper apply points first: their groups take precedence over those applied above them
        List<Apply> ordered = new ArrayList<>(applies);
        ordered.sort((a, b) -> Integer.compare(b.at.size(), a.at.size()));
        Names names = null;
        List<SrxStatement> inherited = new ArrayList<>();
        for (Apply a : ordered) {
            List<SrxStatement> g = groups.get(a.group);
            if (g == null) {
                if (a.group.contains("${")) {
                    uninheritable.add(a.st);
                    ledger.unsupported(a.st.line, "applies the group named by '" + a.group + "' (in a chassis cluster, the group of the "
                            + "node that reads it), which this reader cannot tell; what such groups hold is not inherited");
                } else {
                    ledger.unrecognized(a.st.line, "applies group '" + a.group + "', which the configuration does not define");
                }
                continue;
            }
            for (SrxStatement gs : g) {
                if (gs.inactive) continue;
                List<String> path = gs.words.subList(2, gs.size());
                if (path.size() <= a.at.size() || !matches(path, a.at)) continue;
                List<String> rest = path.subList(a.at.size(), path.size());
                List<List<String>> targets;
                if (rest.stream().anyMatch(SrxGroups::wildcard)) {
                    if (names == null) names = new Names(local);
                    targets = names.expand(a.at, rest);
                } else {
                    List<String> w = new ArrayList<>(a.at);
                    w.addAll(rest);
                    targets = List.of(w);
                }
                for (List<String> w : targets) {
                    if (excepted(w, a, excepts)) continue;
                    SrxStatement st = gs.inherited(w, a.group);
                    origin.put(st, gs);
                    appliedBy.put(st, a.st);
                    inherited.add(st);
                    if (local.size() + inherited.size() > SrxText.MAX_STATEMENTS) {
                        throw new BadInputException(file, a.st.line, "the groups it applies expand to more than " + SrxText.MAX_STATEMENTS
                                + " statements");
                    }
                }
            }
        }
        List<SrxStatement> out = new ArrayList<>(local.size() + inherited.size());
        out.addAll(local);
        out.addAll(inherited);
        return new Expanded(out, origin, appliedBy, groupStatements, applyStatements, uninheritable);
    }

    /** True when an {@code apply-groups-except} of the group stands at or above the inherited path, below the apply point. */
    private static boolean excepted(List<String> words, Apply a, List<Apply> excepts) {
        for (Apply e : excepts) {
            if (!e.group.equals(a.group) || e.at.size() < a.at.size() || e.at.size() > words.size()) continue;
            if (words.subList(0, e.at.size()).equals(e.at)) return true;
        }
        return false;
    }

    /** True when the group path's first words match the apply point word for word. */
    private static boolean matches(List<String> path, List<String> at) {
        for (int i = 0; i < at.size(); i++) {
            if (!wordMatches(path.get(i), at.get(i))) return false;
        }
        return true;
    }

    static boolean wildcard(String w) {
        return w.length() >= 2 && w.charAt(0) == '<' && w.charAt(w.length() - 1) == '>';
    }

    private static final Map<String, Pattern> PATTERNS = new HashMap<>();

    /** A group word against a configuration word: equal, or a {@code <pattern>} that matches it ({@code *}, {@code ?}, {@code [..]}). */
    static boolean wordMatches(String groupWord, String word) {
        if (!wildcard(groupWord)) return groupWord.equals(word);
        Pattern p;
        synchronized (PATTERNS) {
            p = PATTERNS.computeIfAbsent(groupWord, SrxGroups::glob);
        }
        return p.matcher(word).matches();
    }

    private static Pattern glob(String w) {
        String g = w.substring(1, w.length() - 1);
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        for (char c : g.toCharArray()) {
            if (inClass) {
                if (c == ']') inClass = false;
                re.append(c == '\\' ? "\\\\" : String.valueOf(c));
                continue;
            }
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    inClass = true;
                    re.append('[');
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inClass) return Pattern.compile(Pattern.quote(g));
        return Pattern.compile(re.toString());
    }

    /** The words the configuration's own statements have at each place of the hierarchy, for wildcards below an apply point. */
    private static final class Names {
        /** Child words by the path above them (joined with a blank). */
        private final Map<String, Set<String>> children = new HashMap<>();

        Names(List<SrxStatement> local) {
            for (SrxStatement st : local) {
                StringBuilder k = new StringBuilder();
                for (int i = 0; i < st.size(); i++) {
                    children.computeIfAbsent(k.toString(), x -> new LinkedHashSet<>()).add(st.word(i));
                    if (i > 0 || k.length() > 0) k.append(' ');
                    k.append(st.word(i));
                }
            }
        }

        /** Every path the group's {@code rest} names below {@code at}, each wildcard replaced by a matching existing word. */
        List<List<String>> expand(List<String> at, List<String> rest) {
            List<List<String>> cur = new ArrayList<>();
            cur.add(new ArrayList<>(at));
            for (String w : rest) {
                List<List<String>> next = new ArrayList<>();
                for (List<String> p : cur) {
                    if (!wildcard(w)) {
                        List<String> q = new ArrayList<>(p);
                        q.add(w);
                        next.add(q);
                        continue;
                    }
                    Set<String> kids = children.get(String.join(" ", p));
                    if (kids == null) continue;
                    for (String k : kids) {
                        if (!wordMatches(w, k)) continue;
                        List<String> q = new ArrayList<>(p);
                        q.add(k);
                        next.add(q);
                    }
                }
                cur = next;
                if (cur.isEmpty()) break;
            }
            return cur;
        }
    }
}
