package io.lyncaudit.importer.windows;

import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts for every non-blank line of an input: used unless marked ignored, unsupported or
 * unrecognized; a later mark of a line replaces an earlier one (a field mark refines its rule's mark).
 * Diagnostics are kept in the order they are made.
 */
final class Ledger {
    private final String file;
    private final Map<Integer, Diagnostic.Category> marks = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int total;

    Ledger(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void countLine() {
        total++;
    }

    void mark(int line, Diagnostic.Category c) {
        marks.put(line, c);
    }

    void mark(List<Integer> lines, Diagnostic.Category c) {
        for (int l : lines) marks.put(l, c);
    }

    /** Records a diagnostic and marks its line. */
    void report(int line, Diagnostic.Category c, String text, String message) {
        diagnostics.add(new Diagnostic(file, line, c, text, message));
        if (line > 0) marks.put(line, c);
    }

    /** Records a diagnostic about a whole rule and marks every line of it. */
    void report(RawBlock b, Diagnostic.Category c, String message) {
        diagnostics.add(new Diagnostic(file, b.line(), c, b.text(), message));
        mark(b.lines(), c);
        marks.put(b.line(), c);
    }

    /** Records a diagnostic about one property and marks its line. */
    void report(RawBlock.Field f, Diagnostic.Category c, String message) {
        report(f.line(), c, f.text(), message);
    }

    /**
     * Records a note about one property of a rule that is still used. An ignored note marks the
     * property's line only when it has a line of its own: a CSV row is the rule, and stays used.
     */
    void note(RawBlock b, RawBlock.Field f, Diagnostic.Category c, String message) {
        if (c == Diagnostic.Category.IGNORED && f.line() == b.line()) {
            diagnostics.add(new Diagnostic(file, f.line(), c, f.text(), message));
        } else {
            report(f, c, message);
        }
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    LineCounts counts() {
        int ignored = 0, unsupported = 0, unrecognized = 0;
        for (Diagnostic.Category c : marks.values()) {
            switch (c) {
                case IGNORED -> ignored++;
                case UNSUPPORTED -> unsupported++;
                case UNRECOGNIZED -> unrecognized++;
            }
        }
        return new LineCounts(total, total - ignored - unsupported - unrecognized, ignored, unsupported, unrecognized);
    }
}
