package io.lyncaudit.importer.windows;

import io.lyncaudit.model.BadInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a Windows export: UTF-8 (with or without BOM), UTF-16LE/BE with BOM, and UTF-16 without a
 * BOM when the zero bytes make it unmistakable (PowerShell 5 {@code Out-File} writes UTF-16LE with BOM).
 * Binary input is refused.
 */
final class WindowsText {
    /** Longer lines are cut here and reported; no export has a legitimate line this long. */
    static final int MAX_LINE = 16 * 1024;

    private WindowsText() {}

    /** The decoded text and how it was decoded. */
    record Decoded(String text, String encoding, boolean guessed) {
        List<String> lines() {
            List<String> out = new ArrayList<>();
            int start = 0, n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    out.add(text.substring(start, i));
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                    start = i + 1;
                }
            }
            if (start < n) out.add(text.substring(start));
            return out;
        }
    }

    /** Decodes for detection: never throws, returns null when the bytes are not text. */
    static String lenient(byte[] head) {
        try {
            return decode(head, "head", true).text();
        } catch (BadInputException e) {
            return null;
        }
    }

    static Decoded decode(byte[] bytes, String display) throws BadInputException {
        return decode(bytes, display, false);
    }

    private static Decoded decode(byte[] bytes, String display, boolean truncatedOk) throws BadInputException {
        Charset cs;
        int skip = 0;
        boolean guessed = false;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            cs = guessUtf16(bytes);
            guessed = cs != null;
            if (cs == null) cs = StandardCharsets.UTF_8;
        }
        int len = bytes.length - skip;
        if (truncatedOk && cs != StandardCharsets.UTF_8) len -= len % 2;
        String text;
        try {
            var dec = cs.newDecoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(truncatedOk ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT);
            text = dec.decode(ByteBuffer.wrap(bytes, skip, len)).toString();
        } catch (CharacterCodingException e) {
            if (cs != StandardCharsets.UTF_8) throw new BadInputException(display, 0, "not a Windows export: invalid " + cs.name() + " text");
            // Windows PowerShell 5 Export-Csv without -Encoding writes the ANSI code page
            text = new String(bytes, skip, len, StandardCharsets.ISO_8859_1);
        }
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') control++;
        }
        if (control > 0 && control * 100L > Math.max(1, text.length())) {
            throw new BadInputException(display, 0, "not a Windows export: binary content (" + control + " control characters)");
        }
        return new Decoded(text, cs.name() + (skip > 0 ? " with BOM" : ""), guessed);
    }

    /** UTF-16 without BOM: most even (BE) or odd (LE) bytes are zero, as ASCII text in UTF-16 has. */
    private static Charset guessUtf16(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 8) return null;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenZero++;
            if (b[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero * 10 >= pairs * 9 && evenZero * 10 < pairs) return StandardCharsets.UTF_16LE;
        if (evenZero * 10 >= pairs * 9 && oddZero * 10 < pairs) return StandardCharsets.UTF_16BE;
        return null;
    }
}
