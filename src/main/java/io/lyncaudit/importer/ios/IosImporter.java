package io.lyncaudit.importer.ios;

import io.lyncaudit.importer.ConfigText;

import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a Cisco IOS / IOS XE running-config into the neutral policy: one first-match policy per
 * {@code ip access-group} and per {@code ipv6 traffic-filter} (interface names as the config
 * writes them, e.g. {@code GigabitEthernet0/1}), implicit deny at the end of each ACL, and traffic
 * through interfaces without an ACL permitted. An IPv4 ACL filters IPv4 only and an IPv6 ACL IPv6
 * only (the policy's scope), so IPv6 traffic through an interface with just an IPv4 ACL passes.
 * Entries that depend on something not modelled are reported and become uncertain rules with a
 * bound on what they may match (see {@link IosConversions}).
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
                    || ((s.startsWith("ip access-group ") || s.startsWith("ipv6 traffic-filter ")) && line.startsWith(" "))) {
                return true;
            }
            if (s.startsWith("access-list ") && s.length() > 12 && Character.isDigit(s.charAt(12))) return true;
        }
        return false;
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        ConfigText.Source src = ConfigText.read(file, displayName, encoding, MAX_BYTES, IosParser.MAX_LINE, "a Cisco IOS configuration");
        List<String> lines = src.lines();
        for (String l : lines) {
            if (l.startsWith("ASA Version") || l.startsWith(" nameif ") || (l.startsWith("access-group ") && l.contains(" interface "))) {
                throw new BadInputException(displayName, 0, "this looks like a Cisco ASA configuration (ASA Version, nameif, "
                        + "access-group ... interface), not an IOS one; use format cisco-asa");
            }
        }
        LineLedger ledger = new LineLedger(displayName, lines);
        IosConfig cfg = IosParser.parse(lines, ledger);
        if (!ledger.anyUnderstood() && !lines.isEmpty()) {
            throw new BadInputException(displayName, 0, "not a Cisco IOS configuration: no line was understood");
        }
        List<Policy> policies = IosConversions.convert(cfg, ledger);
        return new ImportResult(displayName, FORMAT, policies, List.of(), ConfigText.withNotes(ledger.diagnostics(), src), ledger.counts(),
                Action.PERMIT);
    }
}
