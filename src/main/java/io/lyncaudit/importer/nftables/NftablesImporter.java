package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.ConfigText;

import io.lyncaudit.importer.LineLedger;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Imports {@code nft list ruleset} text and {@code nft -j list ruleset} JSON: forward-hook chains are the audited policies. */
public final class NftablesImporter implements Importer {
    public static final String FORMAT = "nftables";
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private static final Pattern TEXT = Pattern.compile("(?m)^\\s*table\\s+(ip|ip6|inet|arp|bridge|netdev)\\s+\\S+\\s*\\{");
    private static final Pattern JSON = Pattern.compile("^\\s*\\{\\s*\"nftables\"\\s*:\\s*\\[");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\0') >= 0) return false;
        return JSON.matcher(text).find() || TEXT.matcher(text).find();
    }

    @Override
    public ImportResult importFile(Path file, String displayName) throws BadInputException {
        String content = read(file, displayName);
        LineLedger ledger = new LineLedger(displayName);
        NftRuleset rs;
        if (JSON.matcher(content).find()) {
            rs = NftJsonParser.parse(content, displayName, ledger);
        } else if (content.indexOf('\0') < 0 && TEXT.matcher(content.length() > 1 << 20 ? content.substring(0, 1 << 20) : content).find()) {
            rs = NftTextParser.parse(content, ledger);
        } else {
            throw new BadInputException(displayName, 0, "not an nftables ruleset (no 'table FAMILY NAME {' line and no {\"nftables\": [...]} JSON)");
        }
        NftConversions.Converted c = NftConversions.convert(rs, displayName, ledger);
        return new ImportResult(displayName, FORMAT, c.policies(), c.nat(), ledger.diagnostics(), ledger.counts(), Action.PERMIT);
    }

    static String read(Path file, String displayName) throws BadInputException {
        return ConfigText.decode(ConfigText.readBytes(file, displayName, MAX_BYTES, "file is larger than " + (MAX_BYTES >> 20) + " MiB"));
    }
}
