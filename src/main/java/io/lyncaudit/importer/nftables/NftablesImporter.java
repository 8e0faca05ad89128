package io.lyncaudit.importer.nftables;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.nftables.NftRuleset.SrcFile;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Imports nftables rulesets: {@code nft list ruleset} text, {@code nft -f} source files (such as
 * {@code /etc/nftables.conf}, with the files they include) and {@code nft -j list ruleset} JSON.
 * Every base chain is a stage of the packet path.
 */
public final class NftablesImporter implements Importer {
    public static final String FORMAT = "nftables";
    static final long MAX_BYTES = 512L * 1024 * 1024;

    /** A table block, or a command of a ruleset file, at the start of a line. */
    private static final Pattern TEXT = Pattern.compile("(?m)^\\s*(?:(?:add|create)\\s+)?table\\s+(?:(?:ip|ip6|inet|arp|bridge|netdev)\\s+)?[\"A-Za-z_]"
            + "|(?m)^\\s*(?:flush\\s+ruleset|#!\\S*nft\\b|include\\s+\"[^\"]+\"\\s*$|define\\s+[A-Za-z_][A-Za-z0-9_]*\\s*=)");
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
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        ConfigText.Source text = ConfigText.decode(file, displayName, encoding, MAX_BYTES, "an nftables ruleset");
        String content = text.text();
        NftRuleset rs;
        List<SrcFile> files;
        List<ConfigText.Source> included = List.of();
        if (JSON.matcher(content).find()) {
            // nft -j writes the whole ruleset on one line: no line limit, the JSON parser streams
            SrcFile f = new SrcFile(displayName, content, null);
            files = List.of(f);
            rs = NftJsonParser.parse(f);
        } else if (TEXT.matcher(ConfigText.window(content, 0, 1 << 20)).find()
                || TEXT.matcher(ConfigText.pastLeadingComments(content, 1 << 20)).find()) {
            // the signature is looked for at the start and past any leading comments, however long
            io.lyncaudit.io.InputText.requireLineLength(content, displayName, NftLexer.MAX_LINE, "an nftables ruleset");
            NftSource src = NftSource.open(file, displayName, content, encoding);
            rs = NftTextParser.parse(src);
            files = src.files;
            included = src.included;
        } else {
            throw new BadInputException(displayName, 0, "not an nftables ruleset (no 'table FAMILY NAME {' line, no 'flush ruleset' "
                    + "and no {\"nftables\": [...]} JSON)");
        }
        NftConversions.Converted c = NftConversions.convert(rs);
        List<Diagnostic> diagnostics = new ArrayList<>();
        int total = 0, used = 0, ignored = 0, unsupported = 0, unrecognized = 0;
        for (SrcFile f : files) {
            // the ledger accounts for every line: one nothing gave a verdict is unrecognized
            diagnostics.addAll(f.ledger.diagnostics());
            LineCounts n = f.ledger.counts();
            total += n.total();
            used += n.used();
            ignored += n.ignored();
            unsupported += n.unsupported();
            unrecognized += n.unrecognized();
        }
        diagnostics = ConfigText.withNotes(diagnostics, text);
        for (ConfigText.Source s : included) diagnostics = ConfigText.withNotes(diagnostics, s);
        return new ImportResult(displayName, FORMAT, c.policies(), c.nat(), diagnostics,
                new LineCounts(total, used, ignored, unsupported, unrecognized), Action.PERMIT);
    }
}
