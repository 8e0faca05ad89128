package io.lyncaudit.importer.ios;

import io.lyncaudit.importer.Ledger;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Cisco IOS / IOS XE running-config into the neutral policy: one first-match policy per
 * {@code ip access-group} (interface names as the config writes them, e.g.
 * {@code GigabitEthernet0/1}), implicit deny at the end of each ACL, and traffic through
 * interfaces without an ACL permitted. IPv4 only: IPv6 traffic filters are reported, not modelled.
 */
public final class IosImporter implements Importer {
    public static final String FORMAT = "cisco-ios";
    static final long MAX_BYTES = 64L * 1024 * 1024;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0 || text.contains("ASA Version") || text.contains("\n nameif ")) return false;
        for (String line : text.split("\n", 4000)) {
            String s = line.strip();
            if (s.startsWith("ip access-list extended ") || s.startsWith("ip access-list standard ")
                    || (s.startsWith("ip access-group ") && line.startsWith(" "))) {
                return true;
            }
            if (s.startsWith("access-list ") && s.length() > 12 && Character.isDigit(s.charAt(12))) return true;
        }
        return false;
    }

    @Override
    public ImportResult importFile(Path file, String displayName) throws BadInputException {
        List<String> lines = readLines(file, displayName);
        for (String l : lines) {
            if (l.startsWith("ASA Version") || l.startsWith(" nameif ") || (l.startsWith("access-group ") && l.contains(" interface "))) {
                throw new BadInputException(displayName, 0, "this looks like a Cisco ASA configuration (ASA Version, nameif, "
                        + "access-group ... interface), not an IOS one; use format cisco-asa");
            }
        }
        Ledger ledger = new Ledger(displayName, lines);
        IosConfig cfg = IosParser.parse(lines, ledger);
        if (!ledger.anyUnderstood() && !lines.isEmpty()) {
            throw new BadInputException(displayName, 0, "not a Cisco IOS configuration: no line was understood");
        }
        List<Policy> policies = IosConversions.convert(cfg, ledger);
        return new ImportResult(displayName, FORMAT, policies, List.of(), ledger.diagnostics(), ledger.counts(), Action.PERMIT);
    }

    static List<String> readLines(Path file, String displayName) throws BadInputException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new BadInputException(displayName, 0, "file larger than 64 MiB; a running-config is far smaller");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(displayName, displayName, "cannot read the file: " + e.getMessage(), e);
        }
        for (int i = 0; i < Math.min(bytes.length, 64 * 1024); i++) {
            if (bytes[i] == 0) throw new BadInputException(displayName, 0, "binary data (NUL bytes): not a configuration text");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(strip(text.substring(start, i)));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(strip(text.substring(start)));
        return lines;
    }

    private static String strip(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
