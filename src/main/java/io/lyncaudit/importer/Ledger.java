package io.lyncaudit.importer;

import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Accounts for every line of the input: each ends up used, ignored, unsupported or unrecognized
 * (the most severe status given to it wins), and every status other than used-or-blank carries a
 * diagnostic.
 */
public final class Ledger {
    public static final int MAX_TEXT = 300;
    private static final byte UNSET = 0, USED = 1, IGNORED = 2, UNSUPPORTED = 3, UNRECOGNIZED = 4;

    private final String file;
    private final List<String> lines;
    private final byte[] status;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private boolean understood;

    public Ledger(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
        this.status = new byte[lines.size() + 1];
    }

    public String file() {
        return file;
    }

    /** The line's text, shortened for messages. */
    public String text(int line) {
        return shorten(lines.get(line - 1).strip());
    }

    /** The line's whole text, stripped, for rule sources. */
    public String fullText(int line) {
        return lines.get(line - 1).strip();
    }

    public static String shorten(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
    }

    public void used(int line) {
        understood = true;
        raise(line, USED);
    }

    /** Blank lines and the "!" / ":" separators of the export: ignored without a diagnostic. */
    public void quiet(int line) {
        raise(line, IGNORED);
    }

    public void ignored(int line, String message) {
        add(line, Diagnostic.Category.IGNORED, IGNORED, message);
    }

    public void unsupported(int line, String message) {
        add(line, Diagnostic.Category.UNSUPPORTED, UNSUPPORTED, message);
    }

    public void unrecognized(int line, String message) {
        add(line, Diagnostic.Category.UNRECOGNIZED, UNRECOGNIZED, message);
    }

    private void add(int line, Diagnostic.Category c, byte s, String message) {
        if (s != UNRECOGNIZED) understood = true;
        raise(line, s);
        diagnostics.add(new Diagnostic(file, line, c, text(line), message));
    }

    private void raise(int line, byte s) {
        if (status[line] < s) status[line] = s;
    }

    /** True when some line was recognised as a statement of the format (used, ignored with a reason, or unsupported). */
    public boolean anyUnderstood() {
        return understood;
    }

    public List<Diagnostic> diagnostics() {
        for (int i = 1; i < status.length; i++) {
            if (status[i] == UNSET) unrecognized(i, "line not accounted for by the importer");
        }
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparingInt(Diagnostic::line));
        return out;
    }

    public LineCounts counts() {
        int[] c = new int[5];
        for (int i = 1; i < status.length; i++) c[status[i]]++;
        return new LineCounts(lines.size(), c[USED], c[IGNORED], c[UNSUPPORTED], c[UNRECOGNIZED] + c[UNSET]);
    }
}
