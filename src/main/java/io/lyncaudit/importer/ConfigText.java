package io.lyncaudit.importer;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading of text configurations shared by the line-oriented importers (Cisco, iptables, nftables). */
public final class ConfigText {
    private ConfigText() {}

    /** The file's bytes; a missing, unreadable or larger-than-{@code maxBytes} file is bad input with {@code tooLarge} as message. */
    public static byte[] readBytes(Path file, String displayName, long maxBytes, String tooLarge) throws BadInputException {
        try {
            if (Files.size(file) > maxBytes) throw new BadInputException(displayName, 0, tooLarge);
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(displayName, displayName, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /**
     * UTF-8 text, bad bytes as U+FFFD, a leading BOM dropped. The String constructor replaces
     * malformed input exactly as a replacing decoder does, and has a fast path for ASCII text.
     */
    public static String decode(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
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
     * control characters or undecodable bytes in it (binary junk). Null for a line worth parsing.
     */
    public static String unreadable(String raw, int maxLine) {
        if (raw.length() > maxLine) return "line longer than " + maxLine + " characters; not read";
        if (hasControl(raw)) return "control characters or invalid text: not a configuration line";
        return null;
    }

    /** True when the text holds control characters (other than tab) or undecodable bytes. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\t') || c == '\uFFFD' || c == 0x7F) return true;
        }
        return false;
    }
}
