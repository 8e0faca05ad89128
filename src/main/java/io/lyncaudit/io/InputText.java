package io.lyncaudit.io;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How every input file becomes text: one decoding rule, a size limit before the file is read and
 * a line-length limit before any parser sees the text. The importers (through
 * {@code importer.ConfigText} and their readers), the deployment, waiver and neutral-policy
 * loaders all read through here.
 *
 * <p>The rule (docs/input-limits.md): a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); else
 * a declared encoding (a firewall's {@code encoding:}, {@code --encoding}) decides, strictly; else
 * UTF-16 without a mark when its zero bytes make it unmistakable; else valid UTF-8; else
 * Windows-1252 (what Excel and Notepad write on a western Windows), unless the bytes look binary,
 * which is refused. A text is binary when it holds a NUL or more than
 * {@value #MAX_CONTROLS} control characters and more than one in a hundred. Text that cannot be
 * decoded in the encoding the mark or the declaration names is refused with its line and column.
 * The five bytes Windows-1252 leaves undefined read as U+FFFD, and every control character left
 * in a text is noted with its line and column, so that a parser may read the rule around it.
 */
public final class InputText {
    /** At most this many notes per file; one more says how many were left out. */
    public static final int MAX_NOTES = 20;
    /** A text may hold a few stray control characters (an escape sequence in a comment); more than this and 1 % is binary. */
    public static final int MAX_CONTROLS = 8;
    /** How much of a file format detection looks at. */
    public static final int HEAD = 64 * 1024;

    private InputText() {}

    /** The encodings an input may be in or be declared in. */
    public enum Encoding {
        UTF_8("utf-8"),
        /** Declared only: the byte-order mark gives the byte order; without one, little-endian (as Windows writes it). */
        UTF_16("utf-16"),
        UTF_16LE("utf-16le"),
        UTF_16BE("utf-16be"),
        WINDOWS_1252("windows-1252");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        /** The name a declaration uses and messages show. */
        public String label() {
            return label;
        }

        /**
         * The encoding a declared name means, ignoring case, '-' and '_': utf-8 (utf8), utf-16,
         * utf-16le, utf-16be, windows-1252 (cp1252, latin-1, latin1, iso-8859-1: Windows-1252 is the
         * superset every Windows program writes for them); null for an unknown name.
         */
        public static Encoding named(String name) {
            if (name == null) return null;
            String n = name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            return switch (n) {
                case "utf8" -> UTF_8;
                case "utf16" -> UTF_16;
                case "utf16le" -> UTF_16LE;
                case "utf16be" -> UTF_16BE;
                case "windows1252", "cp1252", "latin1", "iso88591", "l1" -> WINDOWS_1252;
                default -> null;
            };
        }

        /** The names a declaration may use, for messages. */
        public static String labels() {
            return "utf-8, utf-16, utf-16le, utf-16be, windows-1252 (also latin-1)";
        }

        private boolean admits(Encoding bom) {
            return this == bom || (this == UTF_16 && (bom == UTF_16LE || bom == UTF_16BE));
        }
    }

    /**
     * Something the decoding met at a line and column (1-based; line 0 for the whole file) that a
     * reader should know about.
     *
     * @param character true for a character left in the text (a control character, U+FFFD for an
     *                  undefined byte), false for how the text was decoded
     */
    public record Note(int line, int column, String message, boolean character) {}

    /**
     * A decoded text.
     *
     * @param how   "byte-order mark", "declared" or "detected"
     * @param notes undecodable bytes read as U+FFFD, control characters, and how the encoding was chosen when it was a guess
     */
    public record Text(String text, Encoding encoding, String how, List<Note> notes) {
        public Text {
            notes = List.copyOf(notes);
        }
    }

    /** Checks a declared encoding name. @throws IllegalArgumentException naming the known ones */
    public static Encoding declared(String name) {
        Encoding e = Encoding.named(name);
        if (e == null) throw new IllegalArgumentException("unknown encoding '" + name + "'; expected one of: " + Encoding.labels());
        return e;
    }

    /**
     * Reads, decodes and checks a text input.
     *
     * @param declared the declared encoding name, or null to detect it
     * @param maxLine  the longest line allowed, or 0 for none (a JSON document may be one line)
     * @param what     what the file is, for messages ("a Cisco ASA configuration")
     */
    public static Text read(Path file, String display, String declared, long maxBytes, int maxLine, String what)
            throws BadInputException {
        Text t = decode(readBytes(file, display, maxBytes, what), display, declared);
        if (maxLine > 0) requireLineLength(t.text(), display, maxLine, what);
        return t;
    }

    /** The file's bytes; a missing or unreadable file, or one larger than {@code maxBytes}, is bad input. */
    public static byte[] readBytes(Path file, String display, long maxBytes, String what) throws BadInputException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > maxBytes) throw tooLarge(display, size, maxBytes, what);
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (b.length > maxBytes) throw tooLarge(display, b.length, maxBytes, what);
            return b;
        } catch (NoSuchFileException e) {
            throw new BadInputException(display, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(display, display, "cannot read the file: " + reason(e), e);
        }
    }

    /** The first bytes of a file (at most {@code n}). */
    public static byte[] head(Path file, String display, int n) throws BadInputException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (NoSuchFileException e) {
            throw new BadInputException(display, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(display, display, "cannot read the file: " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static BadInputException tooLarge(String display, long size, long max, String what) {
        return new BadInputException(display, 0, "the file is " + size + " bytes; " + what + " is read up to " + mib(max)
                + " (a limit against hostile input)");
    }

    private static String mib(long bytes) {
        return bytes % (1024 * 1024) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /**
     * Refuses a text with a line longer than {@code maxLine} characters, naming the line; LF, CR
     * and CRLF end lines. Runs before any parser sees the text: parsers need not guard against it,
     * and YAML parsing, quadratic in the length of a line, cannot be stalled.
     */
    public static void requireLineLength(String text, String display, int maxLine, String what) throws BadInputException {
        int n = text.length(), line = 1, start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') continue;
            if (i - start > maxLine) throw tooLong(display, line, i - start, maxLine, what);
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
            line++;
            start = i + 1;
        }
        if (n - start > maxLine) throw tooLong(display, line, n - start, maxLine, what);
    }

    private static BadInputException tooLong(String display, int line, int length, int max, String what) {
        return new BadInputException(display, line, "the line is " + length + " characters long; " + what + " is read with lines of at most "
                + max + " characters (a limit against hostile input)");
    }

    /**
     * Decodes by the rule of this class.
     *
     * @param declared the declared encoding name, or null to detect it
     * @throws BadInputException the declaration is unknown or contradicts the byte-order mark, the
     *                           bytes do not decode in the encoding the mark or the declaration names,
     *                           or they are binary; the message gives the line and column
     */
    public static Text decode(byte[] b, String display, String declared) throws BadInputException {
        Encoding decl = null;
        if (declared != null) {
            decl = Encoding.named(declared);
            if (decl == null) throw new BadInputException(display, 0, "unknown encoding '" + declared + "'; expected one of: " + Encoding.labels());
        }
        Encoding bom = bom(b);
        if (bom != null) {
            if (decl != null && !decl.admits(bom)) {
                throw new BadInputException(display, 1, "the file starts with a " + bom.label + " byte-order mark but is declared "
                        + decl.label + "; correct the declaration or remove it");
            }
            return strict(b, bom == Encoding.UTF_8 ? 3 : 2, bom, display, "byte-order mark");
        }
        if (decl != null) return strict(b, 0, decl == Encoding.UTF_16 ? Encoding.UTF_16LE : decl, display, "declared");
        Encoding u16 = guessUtf16(b);
        if (u16 != null) {
            Text t = strict(b, 0, u16, display, "detected");
            List<Note> notes = new ArrayList<>();
            notes.add(new Note(0, 0, "no byte-order mark; read as " + u16.label + " from its zero bytes", false));
            notes.addAll(t.notes());
            return new Text(t.text(), u16, "detected", notes);
        }
        int bad = invalidUtf8(b, 0, false);
        if (bad < 0) return strict(b, 0, Encoding.UTF_8, display, "detected");
        // not UTF-8: Windows-1252, unless it is binary
        int[] at = position(b, 0, bad, Encoding.UTF_8);
        String tried = "encodings tried: utf-8 (byte 0x" + hex(b[bad]) + " at line " + at[0] + ", column " + at[1]
                + " is not valid utf-8), windows-1252";
        Text t = screen(cp1252(b, 0), Encoding.WINDOWS_1252, "detected", display, tried);
        List<Note> notes = new ArrayList<>();
        notes.add(new Note(at[0], at[1], "not valid utf-8 (byte 0x" + hex(b[bad]) + "); the file is read as windows-1252", false));
        notes.addAll(t.notes());
        return new Text(t.text(), Encoding.WINDOWS_1252, "detected", notes);
    }

    /**
     * The start of a file as text, for format detection: decoded by the same rule but leniently (the
     * head may end inside a character), or null when it is not text (binary, a ZIP workbook).
     */
    public static String sniff(byte[] head, String declared) {
        Encoding decl = Encoding.named(declared);
        Encoding bom = bom(head);
        String text;
        if (bom != null) {
            text = lenient(head, bom == Encoding.UTF_8 ? 3 : 2, bom);
        } else if (decl != null) {
            text = lenient(head, 0, decl == Encoding.UTF_16 ? Encoding.UTF_16LE : decl);
        } else {
            Encoding u16 = guessUtf16(head);
            if (u16 != null) {
                text = lenient(head, 0, u16);
            } else {
                text = lenient(head, 0, invalidUtf8(head, 0, true) < 0 ? Encoding.UTF_8 : Encoding.WINDOWS_1252);
            }
        }
        return binaryAt(text, false) >= 0 ? null : text;
    }

    private static String lenient(byte[] b, int skip, Encoding e) {
        return switch (e) {
            case WINDOWS_1252 -> cp1252(b, skip);
            case UTF_16LE, UTF_16, UTF_16BE -> new String(b, skip, (b.length - skip) & ~1,
                    e == Encoding.UTF_16BE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            default -> new String(b, skip, b.length - skip, StandardCharsets.UTF_8);
        };
    }

    // ---- decoding --------------------------------------------------------------------------------

    private static Encoding bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return Encoding.UTF_8;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return Encoding.UTF_16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return Encoding.UTF_16BE;
        return null;
    }

    /** Decodes {@code b} from {@code skip} in {@code e}, refusing what does not decode and what is binary. */
    private static Text strict(byte[] b, int skip, Encoding e, String display, String how) throws BadInputException {
        String tried = "encodings tried: " + e.label + (how.equals("detected") ? "" : how.equals("declared") ? " (declared)" : " (from the byte-order mark)");
        String text;
        switch (e) {
            case WINDOWS_1252 -> text = cp1252(b, skip);
            case UTF_8 -> {
                int bad = invalidUtf8(b, skip, false);
                if (bad >= 0) throw undecodable(b, skip, bad, e, display, tried);
                text = new String(b, skip, b.length - skip, StandardCharsets.UTF_8);
            }
            default -> text = utf16(b, skip, e, display, tried);
        }
        return screen(text, e, how, display, tried);
    }

    private static BadInputException undecodable(byte[] b, int skip, int bad, Encoding e, String display, String tried) {
        int[] at = position(b, skip, bad, e);
        return new BadInputException(display, display + ":" + at[0] + ":" + at[1], "byte 0x" + hex(b[bad]) + " is not valid " + e.label
                + " text (" + tried + "); declare the file's real encoding (" + Encoding.labels() + ") or leave it to detection", null);
    }

    private static String utf16(byte[] b, int skip, Encoding e, String display, String tried) throws BadInputException {
        CharsetDecoder d = (e == Encoding.UTF_16BE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
        CharBuffer out = CharBuffer.allocate((b.length - skip) / 2 + 1);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) throw undecodable(b, skip, in.position(), e, display, tried);
        if ((b.length - skip) % 2 != 0) throw undecodable(b, skip, b.length - 1, e, display, tried);
        out.flip();
        return out.toString();
    }

    /**
     * The offset of the first byte from {@code from} that is not valid UTF-8 (overlong forms and
     * surrogates included), or -1. With {@code truncatedOk}, a sequence cut off by the end is valid.
     */
    static int invalidUtf8(byte[] b, int from, boolean truncatedOk) {
        int n = b.length, i = from;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            int need, lo = 0x80, hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c == 0xE0) {
                need = 2;
                lo = 0xA0;
            } else if (c == 0xED) {
                need = 2;
                hi = 0x9F;
            } else if (c >= 0xE1 && c <= 0xEF) {
                need = 2;
            } else if (c == 0xF0) {
                need = 3;
                lo = 0x90;
            } else if (c >= 0xF1 && c <= 0xF3) {
                need = 3;
            } else if (c == 0xF4) {
                need = 3;
                hi = 0x8F;
            } else {
                return i;
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) return truncatedOk ? -1 : i;
                int d = b[i + k] & 0xFF;
                if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF)) return i;
            }
            i += need + 1;
        }
        return -1;
    }

    /** Windows-1252's 0x80-0x9F; 0 for the five bytes it leaves undefined. */
    private static final char[] CP1252_HIGH = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
        0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'};

    /** Windows-1252; an undefined byte becomes U+FFFD (and is noted by {@link #screen}). */
    private static String cp1252(byte[] b, int skip) {
        char[] out = new char[b.length - skip];
        for (int i = skip; i < b.length; i++) {
            int c = b[i] & 0xFF;
            char ch = c >= 0x80 && c <= 0x9F ? CP1252_HIGH[c - 0x80] : (char) c;
            out[i - skip] = ch == 0 && c != 0 ? '\uFFFD' : ch;
        }
        return new String(out);
    }

    /** UTF-16 without a byte-order mark, when nearly all odd (LE) or even (BE) bytes of the start are zero, as ASCII text in UTF-16 has. */
    private static Encoding guessUtf16(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 8) return null;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenZero++;
            if (b[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero * 10 >= pairs * 9 && evenZero * 10 < pairs) return Encoding.UTF_16LE;
        if (evenZero * 10 >= pairs * 9 && oddZero * 10 < pairs) return Encoding.UTF_16BE;
        return null;
    }

    /** Line and column (1-based, in characters) of byte {@code offset}, counting from {@code skip}. */
    private static int[] position(byte[] b, int skip, int offset, Encoding e) {
        int end = Math.max(skip, Math.min(offset, b.length));
        if (e == Encoding.UTF_8 || e == Encoding.WINDOWS_1252) {
            // ASCII-compatible: count in place, a UTF-8 character by its first byte
            int line = 1, col = 1;
            for (int i = skip; i < end; i++) {
                if (b[i] == '\n') {
                    line++;
                    col = 1;
                } else if (e == Encoding.WINDOWS_1252 || (b[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            return new int[] {line, col};
        }
        return lineColumn(lenient(java.util.Arrays.copyOfRange(b, 0, end), skip, e), Integer.MAX_VALUE);
    }

    // ---- what a text may hold -------------------------------------------------------------------

    /** True for a control character that text does not hold: C0 other than tab, LF, CR and form feed; DEL. */
    private static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    }

    /**
     * The index of the character that makes the text binary (a NUL, or the first control of too
     * many; with {@code replaced}, U+FFFD counts as one), or -1.
     */
    private static int binaryAt(String t, boolean replaced) {
        int nul = t.indexOf('\0');
        if (nul >= 0) return nul;
        int controls = 0, first = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (control(c) || (replaced && c == '\uFFFD')) {
                if (first < 0) first = i;
                controls++;
            }
        }
        return controls > MAX_CONTROLS && controls * 100L > t.length() ? first : -1;
    }

    /** Refuses binary text; notes each control character and U+FFFD left in it (up to {@link #MAX_NOTES}). */
    private static Text screen(String t, Encoding e, String how, String display, String tried) throws BadInputException {
        boolean replaced = e == Encoding.WINDOWS_1252; // in UTF-8 or UTF-16 a U+FFFD is what the file says
        int bin = binaryAt(t, replaced);
        if (bin >= 0) {
            int[] at = lineColumn(t, bin);
            char c = t.charAt(bin);
            throw new BadInputException(display, display + ":" + at[0] + ":" + at[1], "binary content, not text: "
                    + (c == 0 ? "a NUL character" : "too many control characters") + " (" + tried + ")", null);
        }
        List<Note> notes = new ArrayList<>();
        int line = 1, col = 1, more = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                continue;
            }
            if (control(c) || (replaced && c == '\uFFFD')) {
                if (notes.size() < MAX_NOTES) {
                    notes.add(new Note(line, col, c == '\uFFFD' ? "a byte undefined in windows-1252, read as U+FFFD"
                            : String.format("control character \\u%04x", (int) c), true));
                } else {
                    more++;
                }
            }
            if (!Character.isLowSurrogate(c)) col++;
        }
        if (more > 0) notes.add(new Note(0, 0, more + " more control characters or undecodable bytes are not listed", false));
        return new Text(t, e, how, notes);
    }

    private static int[] lineColumn(String t, int index) {
        int line = 1, col = 1;
        for (int i = 0; i < Math.min(index, t.length()); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!Character.isLowSurrogate(c)) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static String hex(byte b) {
        return String.format("%02X", b & 0xFF);
    }
}
