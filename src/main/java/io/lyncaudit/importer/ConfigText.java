package io.lyncaudit.importer;

import io.lyncaudit.io.InputText;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading of text inputs shared by the importers: every export becomes text here, through
 * {@link InputText} (one decoding rule, a size and a line-length limit), and what the decoding
 * met (a guessed encoding, an undecodable byte read as U+FFFD, a control character) becomes an
 * {@code ignored} diagnostic with its line and column, so that no importer keeps a copy of it.
 */
public final class ConfigText {
    private ConfigText() {}

    /**
     * A decoded input.
     *
     * @param encoding   the encoding it was read in (utf-8, utf-16le, utf-16be, windows-1252)
     * @param notes      how the text was decoded when that was a guess, as {@code ignored} diagnostics
     * @param characters each control character or U+FFFD (an undefined byte) left in the text, with
     *                   its line and column, as {@code ignored} diagnostics
     */
    public record Source(String display, String text, String encoding, List<Diagnostic> notes, List<Diagnostic> characters) {
        public Source {
            notes = List.copyOf(notes);
            characters = List.copyOf(characters);
        }

        /** The lines of the text ({@link ConfigText#lines}). */
        public List<String> lines() {
            return ConfigText.lines(text);
        }
    }

    /**
     * Reads and decodes a text export, refusing it when it is larger than {@code maxBytes}, binary,
     * not in its declared encoding, or has a line longer than {@code maxLine} characters.
     *
     * @param encoding the declared encoding, or null to detect it
     * @param what     what the file is, for messages ("a Cisco ASA configuration")
     */
    public static Source read(Path file, String display, String encoding, long maxBytes, int maxLine, String what)
            throws BadInputException {
        Source s = decode(file, display, encoding, maxBytes, what);
        InputText.requireLineLength(s.text(), display, maxLine, what);
        return s;
    }

    /** As {@link #read}, without the line-length check: for a reader that looks first whether the text is JSON. */
    public static Source decode(Path file, String display, String encoding, long maxBytes, String what) throws BadInputException {
        return source(InputText.decode(InputText.readBytes(file, display, maxBytes, what), display, encoding), display);
    }

    /** A decoded text with its notes as diagnostics. */
    public static Source source(InputText.Text t, String display) {
        List<Diagnostic> notes = new ArrayList<>(), characters = new ArrayList<>();
        List<String> lines = null;
        for (InputText.Note n : t.notes()) {
            if (n.line() == 0) {
                notes.add(new Diagnostic(display, 0, Diagnostic.Category.IGNORED, t.encoding().label(), n.message()));
                continue;
            }
            if (lines == null) lines = lines(t.text());
            String text = n.line() <= lines.size() ? LineLedger.clip(lines.get(n.line() - 1).strip()) : "";
            (n.character() ? characters : notes).add(new Diagnostic(display, n.line(), Diagnostic.Category.IGNORED, text,
                    "column " + n.column() + ": " + n.message()));
        }
        return new Source(display, t.text(), t.encoding().label(), notes, characters);
    }

    /**
     * An importer's diagnostics with the decoding's notes of {@code src} before them, each said of
     * the file (line 0) and naming its line and column. A character is noted only on a line the
     * importer read: a line it could not read (binary junk) has its own diagnostic.
     */
    public static List<Diagnostic> withNotes(List<Diagnostic> diagnostics, Source src) {
        if (src.notes().isEmpty() && src.characters().isEmpty()) return diagnostics;
        java.util.Set<Integer> unread = new java.util.HashSet<>();
        for (Diagnostic d : diagnostics) {
            if (d.category() == Diagnostic.Category.UNRECOGNIZED && d.file().equals(src.display())) unread.add(d.line());
        }
        // a note on how a line was decoded is no verdict on the line: it is said of the file, naming the line
        // and column, so that each line keeps its one diagnostic in the ledger; the file's notes come first
        List<Diagnostic> out = new ArrayList<>(diagnostics.size() + src.notes().size() + src.characters().size());
        for (Diagnostic n : src.notes()) out.add(ofFile(n));
        for (Diagnostic c : src.characters()) {
            if (!unread.contains(c.line())) out.add(ofFile(c));
        }
        out.addAll(diagnostics);
        return out;
    }

    private static Diagnostic ofFile(Diagnostic n) {
        return n.line() == 0 ? n : new Diagnostic(n.file(), 0, n.category(), n.text(), "line " + n.line() + ", " + n.message());
    }

    /** At most {@code length} characters of {@code text} from {@code from}. */
    public static String window(String text, int from, int length) {
        return text.length() - from <= length ? text.substring(from) : text.substring(from, from + length);
    }

    /**
     * At most {@code length} characters of the text from its first line that is neither blank nor
     * a comment ({@code #} or {@code !} first): a format's signature is looked for there, so that
     * any amount of leading comments does not hide it.
     */
    public static String pastLeadingComments(String text, int length) {
        return window(text, contentStart(text), length);
    }

    /** The offset of the first line that is neither blank nor a comment ({@code #} or {@code !} first), or the length. */
    public static int contentStart(CharSequence text) {
        int n = text.length(), i = 0;
        while (i < n) {
            int j = i;
            while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r' || text.charAt(j) == '\uFEFF')) j++;
            if (j < n && text.charAt(j) != '\n' && text.charAt(j) != '#' && text.charAt(j) != '!') return i;
            while (j < n && text.charAt(j) != '\n') j++;
            i = j + 1;
        }
        return n;
    }

    /** The lines of a text, split at LF with a trailing CR removed; no empty line is added after a final LF. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0, i;
        while ((i = text.indexOf('\n', start)) >= 0) { // indexOf is an intrinsic: far faster than a charAt loop
            lines.add(stripCr(text.substring(start, i)));
            start = i + 1;
        }
        if (start < text.length()) lines.add(stripCr(text.substring(start)));
        return lines;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Splits on blanks (any char up to space), in one pass. */
    public static String[] tokens(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length(), i = 0;
        while (i < n) {
            while (i < n && s.charAt(i) <= ' ') i++;
            int start = i;
            while (i < n && s.charAt(i) > ' ') i++;
            if (i > start) out.add(s.substring(start, i));
        }
        return out.toArray(String[]::new);
    }

    /**
     * Why a raw line of a text config cannot be a statement: longer than {@code maxLine}, or with
     * control characters or U+FFFD outside its comment (binary junk). Null for a line worth
     * parsing: a control character or an undecodable byte in a comment or remark never costs the
     * rule (the decoding notes it with its column, {@link #source}).
     */
    public static String unreadable(String raw, int maxLine) {
        if (raw.length() > maxLine) return "line longer than " + maxLine + " characters; not read";
        if (hasControl(raw) && hasControl(withoutComment(raw))) return "control characters or invalid text: not a configuration line";
        return null;
    }

    /** True when the text holds control characters (other than tab) or U+FFFD. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == '\uFFFD' || c == 0x7F) return true;
        }
        return false;
    }

    /**
     * The line without its free text, for every line format read here: a whole comment line
     * ({@code #} or {@code !} first), the rest of a line from a {@code #} outside quotes (nftables),
     * the value of {@code comment} or {@code --comment} (nftables, iptables), and what follows
     * {@code remark}, {@code description} or {@code banner} (Cisco). What is left is what decides
     * how the line filters.
     */
    public static String withoutComment(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.charAt(0) == '#' || s.charAt(0) == '!') return "";
        StringBuilder out = new StringBuilder(s.length());
        boolean quoted = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && c == '#') break;
            if (!quoted && wordAt(s, i)) {
                String w = word(s, i);
                if (w.equals("remark") || w.equals("description") || w.equals("banner")) break;
                // nftables: comment "TEXT"; iptables: --comment TEXT (quoted or one word); not iptables' "-m comment"
                if (w.equals("--comment") || (w.equals("comment") && quoteFollows(s, i + w.length()))) {
                    out.append(w);
                    i = skipValue(s, i + w.length());
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean wordAt(String s, int i) {
        return (i == 0 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t') && s.charAt(i) > ' ';
    }

    private static String word(String s, int i) {
        int j = i;
        while (j < s.length() && s.charAt(j) > ' ') j++;
        return s.substring(i, j);
    }

    private static boolean quoteFollows(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i < s.length() && s.charAt(i) == '"';
    }

    /** The index of the last char of the value after {@code from} (blanks, then a quoted string or a word). */
    private static int skipValue(String s, int from) {
        int i = from, n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        if (i < n && s.charAt(i) == '"') {
            i++;
            while (i < n && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
            return Math.min(i, n - 1);
        }
        while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
        return i - 1;
    }
}
