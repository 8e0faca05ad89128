package io.lyncaudit.importer.windows;

import io.lyncaudit.io.InputText;
import java.util.ArrayList;
import java.util.List;

/**
 * The text side of a Windows export: how large it may be, how long its lines, and how it splits
 * into lines (CR, LF or CRLF). Decoding is the shared rule of {@link InputText}: UTF-8 with or
 * without BOM, UTF-16LE/BE with BOM (PowerShell 5 {@code Out-File}) or, when the zero bytes make it
 * unmistakable, without one, and Windows-1252 (PowerShell 5 {@code Export-Csv} without
 * {@code -Encoding} writes the ANSI code page). Binary input is refused.
 */
final class WindowsText {
    /** Longer lines are refused; no export has a legitimate line this long (a rule with a thousand addresses is about 16 KiB). */
    static final int MAX_LINE = 64 * 1024;
    /** Larger exports are refused rather than read into memory (a host's full rule set is a few MiB, twice that in UTF-16). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private WindowsText() {}

    /** The lines of a text: CR, LF and CRLF end a line. */
    static List<String> lines(String text) {
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

    /** Decodes the start of a file for detection: null when the bytes are not text. */
    static String lenient(byte[] head) {
        String t = InputText.sniff(head, null);
        return t != null && t.startsWith("\uFEFF") ? t.substring(1) : t;
    }
}
