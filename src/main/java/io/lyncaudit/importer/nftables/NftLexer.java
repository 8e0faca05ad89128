package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.importer.nftables.NftRuleset.SrcFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one nft source file into tokens as nft's scanner does: {@code #} comments to the end of
 * the line, a backslash before a newline continues the line, newlines and {@code ;} end
 * statements, braces, commas and parentheses are tokens of their own, quoted strings are one token
 * (without quotes), {@code $NAME} is a variable. A line holding binary junk outside its comment is
 * diagnosed and read as empty (a longer line than {@link #MAX_LINE} never gets here: the importer
 * refuses it).
 */
final class NftLexer {
    static final int MAX_LINE = 64 * 1024;

    /** Token kinds. */
    enum Kind { WORD, STRING, PUNCT, NEWLINE, VAR, ERROR, EOF }

    /**
     * One token: {@code start}..{@code end} is where it is written in its file (for a variable's
     * expansion: where the variable is written); {@code glued}: no blank before it.
     */
    record Tok(Kind kind, String text, SrcFile file, int line, int start, int end, boolean glued) {
        /** A word or punctuation with this text (a quoted string never is a keyword). */
        boolean is(String s) {
            return (kind == Kind.WORD || kind == Kind.PUNCT) && text.equals(s);
        }

        /** Ends a statement: a newline or {@code ;}. */
        boolean separator() {
            return kind == Kind.NEWLINE || kind == Kind.EOF || (kind == Kind.PUNCT && text.equals(";"));
        }

        Tok with(String newText, Kind newKind) {
            return new Tok(newKind, newText, file, line, start, end, glued);
        }
    }

    private NftLexer() {}

    static List<Tok> lex(SrcFile f) {
        String s = f.content;
        List<Tok> out = new ArrayList<>();
        int n = s.length(), i = 0, line = 1;
        int lineStart = 0;
        boolean lineHasToken = false, glued = false;
        // the line is checked once, when it starts
        boolean skipLine = screen(f, s, 0, line);
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.add(new Tok(Kind.NEWLINE, "\n", f, line, i, i + 1, false));
                i++;
                line++;
                lineStart = i;
                lineHasToken = false;
                glued = false;
                skipLine = screen(f, s, i, line);
                continue;
            }
            if (skipLine) {
                i++;
                continue;
            }
            if (c == '\\' && (i + 1 < n && s.charAt(i + 1) == '\n' || i + 2 < n && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n')) {
                // a continued line: no statement ends here
                i += s.charAt(i + 1) == '\r' ? 3 : 2;
                line++;
                lineStart = i;
                glued = false;
                skipLine = screen(f, s, i, line);
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                glued = false;
                continue;
            }
            if (c == '#') {
                if (!lineHasToken) f.ledger.mark(line, lineText(s, lineStart), Verdict.IGNORED, "comment");
                while (i < n && s.charAt(i) != '\n') i++;
                continue;
            }
            lineHasToken = true;
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                int eol = s.indexOf('\n', i + 1);
                if (end < 0 || (eol >= 0 && eol < end)) {
                    out.add(new Tok(Kind.ERROR, "unterminated quote", f, line, i, eol < 0 ? n : eol, glued));
                    i = eol < 0 ? n : eol;
                    continue;
                }
                out.add(new Tok(Kind.STRING, s.substring(i + 1, end), f, line, i, end + 1, glued));
                i = end + 1;
                glued = true;
                continue;
            }
            if (c == '{' || c == '}' || c == ';' || c == ',' || c == '(' || c == ')') {
                out.add(new Tok(Kind.PUNCT, String.valueOf(c), f, line, i, i + 1, glued));
                i++;
                glued = true;
                continue;
            }
            if (c == '$') {
                int j = i + 1;
                while (j < n && isNameChar(s.charAt(j))) j++;
                out.add(new Tok(j > i + 1 ? Kind.VAR : Kind.ERROR, j > i + 1 ? s.substring(i + 1, j) : "'$' without a variable name",
                        f, line, i, j, glued));
                i = j;
                glued = true;
                continue;
            }
            int j = i;
            while (j < n) {
                char d = s.charAt(j);
                if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '"' || d == '#' || d == '$' || d == '{' || d == '}'
                        || d == ';' || d == ',' || d == '(' || d == ')') break;
                if (d == '\\' && j + 1 < n && (s.charAt(j + 1) == '\n' || s.charAt(j + 1) == '\r')) break;
                j++;
            }
            String w = s.substring(i, j);
            // '=' alone (elements = {, define X = ...) is punctuation; "==", "!=", "<=" are words
            out.add(new Tok(w.equals("=") ? Kind.PUNCT : Kind.WORD, w, f, line, i, j, glued));
            i = j;
            glued = true;
        }
        out.add(new Tok(Kind.NEWLINE, "\n", f, line, n, n, false));
        return out;
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Diagnoses and returns true for a line that is too long or binary, starting at offset {@code from}. */
    private static boolean screen(SrcFile f, String s, int from, int line) {
        int eol = s.indexOf('\n', from);
        String text = s.substring(from, eol < 0 ? s.length() : eol);
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        return f.ledger.unreadable(line, text.strip(), MAX_LINE);
    }

    /** The stripped text of the line starting at {@code from}. */
    static String lineText(String s, int from) {
        int eol = s.indexOf('\n', from);
        return s.substring(from, eol < 0 ? s.length() : eol).strip();
    }

    /** The text written from token {@code a} to token {@code b} (same file), lines joined by one blank. */
    static String text(Tok a, Tok b) {
        if (a.file() != b.file() || b.end() < a.start()) return lineText(a.file().content, lineStartOf(a));
        String raw = a.file().content.substring(a.start(), b.end());
        return raw.indexOf('\n') < 0 ? raw.strip() : raw.replaceAll("\\\\?\\r?\\n[ \\t]*", " ").replaceAll("[ \\t]+", " ").strip();
    }

    /** The stripped text of the line token {@code t} is on. */
    static String line(Tok t) {
        return lineText(t.file().content, lineStartOf(t));
    }

    private static int lineStartOf(Tok t) {
        String s = t.file().content;
        int i = Math.min(t.start(), s.length());
        while (i > 0 && s.charAt(i - 1) != '\n') i--;
        return i;
    }
}
