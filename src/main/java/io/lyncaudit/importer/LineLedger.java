package io.lyncaudit.importer;

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
public final class LineLedger {
    /** The verdicts, weakest first: a line that produced something is used even if another pass would ignore it. */
    public enum Verdict { IGNORED, USED, UNSUPPORTED, UNRECOGNIZED }

    private static final int USED = Verdict.USED.ordinal() + 1;

    private static final int MAX_TEXT = 300;

    private record Entry(Verdict verdict, String text, String message) {}

    private final String file;
    /** Lines whose verdict is not USED, with their messages. */
    private final Map<Integer, Entry> lines = new TreeMap<>();
    /** Per line: 0 no verdict yet, else 1 + the verdict's ordinal (cheap for the many used lines). */
    private byte[] verdicts = new byte[1024];

    public LineLedger(String file) {
        this.file = file;
    }

    private int verdictAt(int line) {
        return line < verdicts.length ? verdicts[line] : 0;
    }

    private void setVerdict(int line, Verdict v) {
        if (line >= verdicts.length) verdicts = java.util.Arrays.copyOf(verdicts, Math.max(line + 1, verdicts.length * 2));
        verdicts[line] = (byte) (v.ordinal() + 1);
    }

    public void used(int line, String text) {
        int cur = verdictAt(line);
        if (cur == 0 || cur == USED) {
            setVerdict(line, Verdict.USED);
            return;
        }
        mark(line, text, Verdict.USED, null);
    }

    /**
     * Gives a line that needs no diagnostic (a blank row, a header row) the weakest verdict,
     * IGNORED, so it is counted; any later verdict replaces it.
     */
    public void quiet(int line) {
        if (verdictAt(line) == 0) setVerdict(line, Verdict.IGNORED);
    }

    /**
     * Marks a line that cannot be a statement (longer than {@code maxLine}, or binary) as
     * unrecognized and returns true; returns false for a line worth parsing.
     */
    public boolean unreadable(int lineNo, String line, int maxLine) {
        if (line.length() > maxLine) {
            mark(lineNo, line, Verdict.UNRECOGNIZED, "line is longer than " + maxLine + " characters");
            return true;
        }
        if (ConfigText.hasControl(line)) {
            mark(lineNo, line, Verdict.UNRECOGNIZED, "binary or control characters");
            return true;
        }
        return false;
    }

    public void mark(int line, String text, Verdict v, String message) {
        if (verdictAt(line) == USED && v == Verdict.USED) return;
        Entry old = verdictAt(line) == USED ? new Entry(Verdict.USED, text, null) : lines.get(line);
        if (old == null || v.ordinal() > old.verdict.ordinal()) {
            if (v == Verdict.USED) {
                lines.remove(line);
            } else {
                lines.put(line, new Entry(v, text, message));
            }
            setVerdict(line, v);
        } else if (v == old.verdict && message != null && old.message != null && !old.message.contains(message)) {
            lines.put(line, new Entry(v, text, old.message + "; " + message));
        }
    }

    public boolean has(int line) {
        return verdictAt(line) != 0;
    }

    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<Integer, Entry> e : lines.entrySet()) {
            Entry en = e.getValue();
            Diagnostic.Category c = switch (en.verdict) {
                case IGNORED -> Diagnostic.Category.IGNORED;
                case UNSUPPORTED -> Diagnostic.Category.UNSUPPORTED;
                default -> Diagnostic.Category.UNRECOGNIZED;
            };
            out.add(new Diagnostic(file, e.getKey(), c, clip(en.text), en.message));
        }
        return out;
    }

    public LineCounts counts() {
        int[] n = new int[5];
        for (byte b : verdicts) n[b]++;
        return new LineCounts(n[1] + n[2] + n[3] + n[4], n[USED], n[Verdict.IGNORED.ordinal() + 1],
                n[Verdict.UNSUPPORTED.ordinal() + 1], n[Verdict.UNRECOGNIZED.ordinal() + 1]);
    }

    public static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "... (" + text.length() + " characters)";
    }
}
