package io.lyncaudit.importer;

import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one line ledger of every importer: one verdict per line of the input (used, ignored,
 * unsupported or unrecognized), so that no line is dropped or counted twice.
 *
 * <p>The rules:
 * <ul>
 *   <li>A line given several verdicts keeps the most severe, in the order of {@link Verdict}:
 *       ignored, used, unsupported, unrecognized. A line that produced something is used even if
 *       another pass would ignore it; a line that is also unsupported or unrecognized is that.</li>
 *   <li>Every verdict but used carries a message, and a line that is not used gives exactly one
 *       {@link Diagnostic}: its category is the line's verdict, its message every distinct message
 *       given with that verdict, joined with "; " (messages of weaker verdicts are dropped). So the
 *       diagnostics of a ledger are one per ignored, unsupported or unrecognized line, in line order.</li>
 *   <li>A ledger made with the input's text ({@link #LineLedger(String, List)},
 *       {@link #ofText(String, String)}) knows every line: when the counts or the diagnostics are
 *       asked for, every non-blank line no code gave a verdict becomes unrecognized with
 *       {@link #NOT_LOOKED_AT}. "Every line is accounted for" is then true by construction.</li>
 *   <li>Blank lines (white space only, or a byte-order mark) are not lines of content: they get
 *       no verdict and count in no total; a verdict given to one is dropped.</li>
 *   <li>A ledger made without the text ({@link #LineLedger(String)}) counts what is given a
 *       verdict, and what {@link #expect} declares (e.g. the elements of a JSON array, whose
 *       "line" is their index): an expected unit no code gave a verdict is unrecognized too.</li>
 *   <li>What concerns the input as a whole and no line of it (how its bytes were decoded) is a
 *       {@link #fileDiagnostic} at line 0: listed first, counted in no total.</li>
 * </ul>
 */
public final class LineLedger {
    /** The verdicts, weakest first: a line that produced something is used even if another pass would ignore it. */
    public enum Verdict { IGNORED, USED, UNSUPPORTED, UNRECOGNIZED }

    /** The message of a line that no code of the importer gave a verdict. */
    public static final String NOT_LOOKED_AT = "the importer did not look at this line";

    private static final int USED = Verdict.USED.ordinal() + 1;

    private static final int MAX_TEXT = 300;

    /** A verdict other than used; {@code text} null stands for the line's own text (a ledger made with the text). */
    private record Entry(Verdict verdict, String text, String message) {}

    private final String file;
    /** The text of each line (index = line - 1), or null when the ledger was made without the text. */
    private final Lines text;
    /** Lines whose verdict is not USED, with their messages. */
    private final Map<Integer, Entry> lines = new TreeMap<>();
    /** Units declared by {@link #expect} that must get a verdict, with their text. */
    private final Map<Integer, String> expected = new TreeMap<>();
    private final List<Diagnostic> fileDiagnostics = new ArrayList<>();
    /** Per line: 0 no verdict yet, else 1 + the verdict's ordinal (cheap for the many used lines). */
    private byte[] verdicts = new byte[1024];
    private boolean understood;
    private boolean swept;

    /** A ledger that counts the lines given a verdict (and those {@link #expect}ed): for inputs whose units are not text lines. */
    public LineLedger(String file) {
        this.file = file;
        this.text = null;
    }

    /** A ledger of the given lines (line n is {@code lines.get(n - 1)}): every non-blank one ends with a verdict. */
    public LineLedger(String file, List<String> lines) {
        this.file = file;
        this.text = new Lines() {
            @Override
            public int size() {
                return lines.size();
            }

            @Override
            public String get(int line) {
                return lines.get(line - 1);
            }
        };
        this.verdicts = new byte[lines.size() + 1];
    }

    /**
     * A ledger of the lines of {@code content} as {@link ConfigText#lines} splits them (at LF, a
     * trailing CR removed), without keeping a copy of each line: for large inputs.
     */
    public static LineLedger ofText(String file, String content) {
        return new LineLedger(file, content);
    }

    private LineLedger(String file, String content) {
        this.file = file;
        int n = 0;
        for (int i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) n++;
        if (!content.isEmpty() && !content.endsWith("\n")) n++;
        int[] starts = new int[n + 1];
        int k = 0;
        if (n > 0) starts[k++] = 0;
        for (int i = content.indexOf('\n'); i >= 0 && k < n; i = content.indexOf('\n', i + 1)) starts[k++] = i + 1;
        starts[n] = content.length() + 1;
        this.text = new Lines() {
            @Override
            public int size() {
                return starts.length - 1;
            }

            @Override
            public String get(int line) {
                int s = starts[line - 1], e = Math.min(starts[line] - 1, content.length());
                if (e > s && content.charAt(e - 1) == '\r') e--;
                return content.substring(s, e);
            }
        };
        this.verdicts = new byte[n + 1];
    }

    /** The lines of a ledger made with the text. */
    private interface Lines {
        int size();

        String get(int line);
    }

    /** The input's name, as reports show it. */
    public String file() {
        return file;
    }

    /** The text of {@code line}, stripped and whole (for a rule's source); needs a ledger made with the text. */
    public String text(int line) {
        if (text == null) throw new IllegalStateException("the ledger of " + file + " was made without the text");
        return text.get(line).strip();
    }

    /** True for a line that is not content: white space only, or a byte-order mark. */
    public static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') return false;
        }
        return true;
    }

    private boolean skip(int line) {
        if (text == null) return false;
        if (line < 1 || line > text.size()) {
            throw new IllegalArgumentException(file + " has no line " + line + " (it has " + text.size() + ")");
        }
        return blank(text.get(line));
    }

    private int verdictAt(int line) {
        return line < verdicts.length ? verdicts[line] : 0;
    }

    private void setVerdict(int line, Verdict v) {
        if (line >= verdicts.length) verdicts = Arrays.copyOf(verdicts, Math.max(line + 1, verdicts.length * 2));
        verdicts[line] = (byte) (v.ordinal() + 1);
    }

    /**
     * Declares a unit of a ledger made without the text (an element of a JSON array, numbered as
     * its "line"): it is counted, and unrecognized with {@link #NOT_LOOKED_AT} if no code gives it a verdict.
     */
    public void expect(int line, String text) {
        expected.putIfAbsent(line, text);
    }

    /** The line produced something of the policy; {@code text} is how a diagnostic would show it. */
    public void used(int line, String text) {
        if (skip(line)) return;
        understood = true;
        int cur = verdictAt(line);
        if (cur == 0 || cur == USED) {
            setVerdict(line, Verdict.USED);
            return;
        }
        mark(line, text, Verdict.USED, null);
    }

    /** {@link #used(int, String)} with the line's own text; needs a ledger made with the text. */
    public void used(int line) {
        if (skip(line)) return;
        int cur = verdictAt(line);
        if (cur == 0 || cur == USED) {
            understood = true;
            setVerdict(line, Verdict.USED);
            return;
        }
        put(line, null, Verdict.USED, null);
    }

    /** Understood, and not about filtering (or left out on purpose): says why. */
    public void ignored(int line, String message) {
        mark(line, Verdict.IGNORED, message);
    }

    /** About filtering, and not modelled: says what the importer did instead. */
    public void unsupported(int line, String message) {
        mark(line, Verdict.UNSUPPORTED, message);
    }

    /** Not understood: says what was expected. */
    public void unrecognized(int line, String message) {
        mark(line, Verdict.UNRECOGNIZED, message);
    }

    /**
     * A comment of the format (ignored with the message "comment"): it does not count as a sign
     * that the input is of the format (see {@link #anyUnderstood()}).
     */
    public void comment(int line) {
        if (skip(line)) return;
        put(line, text == null ? "" : null, Verdict.IGNORED, "comment");
    }

    /**
     * Marks a line that cannot be a statement (longer than {@code maxLine}, or with control
     * characters or U+FFFD outside its comment: binary junk) as unrecognized and returns true;
     * returns false for a line worth parsing. A control character or an undecodable byte in a
     * comment does not cost the rule ({@link ConfigText#withoutComment}); the decoding notes it.
     */
    public boolean unreadable(int lineNo, String line, int maxLine) {
        if (line.length() > maxLine) {
            mark(lineNo, line, Verdict.UNRECOGNIZED, "line is longer than " + maxLine + " characters");
            return true;
        }
        if (ConfigText.hasControl(line) && ConfigText.hasControl(ConfigText.withoutComment(line))) {
            mark(lineNo, line, Verdict.UNRECOGNIZED, "binary or control characters");
            return true;
        }
        return false;
    }

    /** {@link #mark(int, String, Verdict, String)} with the line's own text; needs a ledger made with the text. */
    public void mark(int line, Verdict v, String message) {
        if (skip(line)) return;
        if (v == Verdict.USED) {
            used(line);
            return;
        }
        if (v != Verdict.UNRECOGNIZED) understood = true;
        put(line, null, v, message);
    }

    /** Gives {@code line} the verdict {@code v}, unless it has a more severe one; {@code text} is how a diagnostic shows it. */
    public void mark(int line, String text, Verdict v, String message) {
        if (skip(line)) return;
        if (v != Verdict.UNRECOGNIZED) understood = true;
        put(line, text, v, message);
    }

    private void put(int line, String text, Verdict v, String message) {
        if (verdictAt(line) == USED && v == Verdict.USED) return;
        Entry old = verdictAt(line) == USED ? new Entry(Verdict.USED, text, null) : lines.get(line);
        if (old == null || v.ordinal() > old.verdict.ordinal()) {
            if (v == Verdict.USED) {
                lines.remove(line);
            } else {
                lines.put(line, new Entry(v, text, message));
            }
            setVerdict(line, v);
        } else if (v == old.verdict && message != null && (old.message == null || !old.message.contains(message))) {
            lines.put(line, new Entry(v, old.text, old.message == null ? message : old.message + "; " + message));
        }
    }

    /** True when the line has a verdict. */
    public boolean has(int line) {
        return verdictAt(line) != 0;
    }

    /** The verdict of the line so far, or null when it has none. */
    public Verdict verdict(int line) {
        int v = verdictAt(line);
        return v == 0 ? null : Verdict.values()[v - 1];
    }

    /**
     * True when some line was recognised as a statement of the format: used, ignored with a reason
     * (not as a {@link #comment}), or unsupported.
     */
    public boolean anyUnderstood() {
        return understood;
    }

    /** A diagnostic about the input as a whole (line 0, e.g. how its bytes were decoded): it gives no line a verdict. */
    public void fileDiagnostic(Verdict v, String text, String message) {
        if (v == Verdict.USED) throw new IllegalArgumentException("a diagnostic is ignored, unsupported or unrecognized");
        fileDiagnostics.add(new Diagnostic(file, 0, category(v), text, message));
    }

    /** Every line (or expected unit) without a verdict becomes unrecognized: nothing is dropped silently. */
    private void sweep() {
        if (swept) return;
        swept = true;
        if (text != null) {
            for (int i = 1; i <= text.size(); i++) {
                if (!has(i) && !blank(text.get(i))) put(i, null, Verdict.UNRECOGNIZED, NOT_LOOKED_AT);
            }
        }
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            if (!has(e.getKey())) put(e.getKey(), e.getValue(), Verdict.UNRECOGNIZED, NOT_LOOKED_AT);
        }
    }

    private static Diagnostic.Category category(Verdict v) {
        return switch (v) {
            case IGNORED -> Diagnostic.Category.IGNORED;
            case UNSUPPORTED -> Diagnostic.Category.UNSUPPORTED;
            default -> Diagnostic.Category.UNRECOGNIZED;
        };
    }

    /** One diagnostic per line that is not used, in line order, after the diagnostics about the whole input. */
    public List<Diagnostic> diagnostics() {
        sweep();
        List<Diagnostic> out = new ArrayList<>(fileDiagnostics);
        for (Map.Entry<Integer, Entry> e : lines.entrySet()) {
            Entry en = e.getValue();
            out.add(new Diagnostic(file, e.getKey(), category(en.verdict), clip(en.text != null ? en.text : text(e.getKey())), en.message));
        }
        return out;
    }

    /** How many lines got each verdict; the total is every line with a verdict (after the sweep: every non-blank line). */
    public LineCounts counts() {
        sweep();
        int[] n = new int[5];
        for (byte b : verdicts) n[b]++;
        return new LineCounts(n[1] + n[2] + n[3] + n[4], n[USED], n[Verdict.IGNORED.ordinal() + 1],
                n[Verdict.UNSUPPORTED.ordinal() + 1], n[Verdict.UNRECOGNIZED.ordinal() + 1]);
    }

    /** The text shortened for a diagnostic: at most 300 characters, saying how long it was. */
    public static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "... (" + text.length() + " characters)";
    }
}
