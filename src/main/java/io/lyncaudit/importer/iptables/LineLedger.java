package io.lyncaudit.importer.iptables;

import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One verdict per input line (used, ignored, unsupported or unrecognized); the most severe verdict
 * wins and its messages are kept, so no line is dropped or counted twice.
 */
final class LineLedger {
    /** The verdicts, least severe first. */
    enum Verdict { USED, IGNORED, UNSUPPORTED, UNRECOGNIZED }

    private static final int MAX_TEXT = 300;

    private record Entry(Verdict verdict, String text, String message) {}

    private final String file;
    private final Map<Integer, Entry> lines = new TreeMap<>();

    LineLedger(String file) {
        this.file = file;
    }

    void used(int line, String text) {
        mark(line, text, Verdict.USED, null);
    }

    void mark(int line, String text, Verdict v, String message) {
        Entry old = lines.get(line);
        if (old == null || v.ordinal() > old.verdict.ordinal()
                // USED beats IGNORED: a line that produced something is used
                || (old.verdict == Verdict.IGNORED && v == Verdict.USED)) {
            lines.put(line, new Entry(v, text, message));
        } else if (v == old.verdict && message != null && old.message != null && !old.message.contains(message)) {
            lines.put(line, new Entry(v, text, old.message + "; " + message));
        }
    }

    boolean has(int line) {
        return lines.containsKey(line);
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<Integer, Entry> e : lines.entrySet()) {
            Entry en = e.getValue();
            if (en.verdict == Verdict.USED) continue;
            Diagnostic.Category c = switch (en.verdict) {
                case IGNORED -> Diagnostic.Category.IGNORED;
                case UNSUPPORTED -> Diagnostic.Category.UNSUPPORTED;
                default -> Diagnostic.Category.UNRECOGNIZED;
            };
            out.add(new Diagnostic(file, e.getKey(), c, clip(en.text), en.message));
        }
        return out;
    }

    LineCounts counts() {
        int[] n = new int[4];
        for (Entry en : lines.values()) n[en.verdict.ordinal()]++;
        return new LineCounts(lines.size(), n[0], n[1], n[2], n[3]);
    }

    static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "... (" + text.length() + " characters)";
    }
}
