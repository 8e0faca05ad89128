package io.lyncaudit.importer.asa;

import io.lyncaudit.importer.ConfigText;

import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a Cisco ASA {@code show running-config} (8.x and 9.x) into the neutral policy.
 *
 * <p>ACLs are bound per interface and direction; an interface without an inbound ACL follows the
 * global ACL, or failing that the security levels. Static object NAT and twice NAT are recorded
 * as NAT rules; as on ASA 8.3 and later, ACLs match the real (untranslated) addresses, which is
 * what the audit's queries use by default. Dynamic NAT and port translation are reported, not
 * modelled. What decides matching but is not modelled (time ranges, ICMP types, fqdn objects,
 * run-time interface addresses, identity operands, per-user-override, entries that cannot be read)
 * is reported and makes the rules it touches uncertain, with a bound on what they may match.
 */
public final class AsaImporter implements Importer {
    public static final String FORMAT = "cisco-asa";
    /** Larger inputs are refused rather than read into memory (a 100,000-line config is about 6 MiB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) return false;
        if (text.startsWith("ASA Version") || text.contains("\nASA Version") || text.contains(": Saved\n")) return true;
        int score = 0;
        for (String line : text.split("\n", 4000)) {
            String s = line.strip();
            if (s.startsWith("nameif ") && line.startsWith(" ")) score += 2;
            else if (s.startsWith("access-group ") && (s.contains(" interface ") || s.endsWith(" global"))) score += 2;
            else if (s.startsWith("security-level ") || s.startsWith("same-security-traffic")) score++;
            else if (s.startsWith("access-list ") && s.contains(" extended ")) score++;
            if (score >= 2) return true;
        }
        return false;
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        ConfigText.Source src = ConfigText.read(file, displayName, encoding, MAX_BYTES, AsaParser.MAX_LINE, "a Cisco ASA configuration");
        List<String> lines = src.lines();
        refuseOtherCisco(lines, displayName);
        LineLedger ledger = new LineLedger(displayName, lines);
        AsaConfig cfg = AsaParser.parse(lines, ledger);
        if (!ledger.anyUnderstood() && !lines.isEmpty()) {
            throw new BadInputException(displayName, 0, "not a Cisco ASA configuration: no line was understood");
        }
        AsaConversions.Converted c = AsaConversions.convert(cfg, ledger);
        java.util.Set<String> nameifs = new java.util.LinkedHashSet<>();
        for (AsaConfig.Iface f : cfg.interfaces) if (f.nameif != null) nameifs.add(f.nameif);
        return new ImportResult(displayName, FORMAT, c.policies(), c.nat(), ConfigText.withNotes(ledger.diagnostics(), src), ledger.counts(),
                Action.DENY, nameifs);
    }

    /** An IOS running-config shares many keywords with the ASA; reading one as the other would mislead, so it is refused. */
    private static void refuseOtherCisco(List<String> lines, String displayName) throws BadInputException {
        boolean ios = false;
        for (String l : lines) {
            if (l.startsWith(" nameif ") || l.startsWith("ASA Version") || l.startsWith("access-group ")) return;
            if (l.startsWith("ip access-list ") || l.startsWith(" ip access-group ")) ios = true;
        }
        if (ios) {
            throw new BadInputException(displayName, 0, "this looks like a Cisco IOS configuration (ip access-list / ip access-group), "
                    + "not an ASA one; use format cisco-ios");
        }
    }
}
