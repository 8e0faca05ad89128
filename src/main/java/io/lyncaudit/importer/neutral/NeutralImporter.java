package io.lyncaudit.importer.neutral;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.io.InputText;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads the neutral policy format, JSON or YAML, as written by {@link NeutralWriter} or by hand
 * (see docs/neutral-format.md). Unlike vendor importers it has no "line it could not use": the
 * file is a policy, so any bad value, unknown key or missing field is a {@link BadInputException}
 * naming the file and the line of the offending node.
 */
public final class NeutralImporter implements Importer {

    /** The format name in deployment files. */
    public static final String FORMAT = "neutral";

    /** Larger files are refused before they are read: the policy of a 100,000-rule firewall is some tens of MiB of JSON. */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    /**
     * The longest line of a YAML policy: room for the longest config line an importer reads (64
     * KiB), quoted and indented, so that what {@code parse --format yaml} writes always reads back;
     * SnakeYAML's time grows with the square of a line's length, so it is not more. JSON, often one
     * line, has none.
     */
    static final int MAX_YAML_LINE = 256 * 1024;

    private static final Pattern YAML_KEYS = Pattern.compile("(?m)^(schemaVersion|policies)\\s*:");
    private static final Pattern JSON_KEYS = Pattern.compile("\"(schemaVersion|policies)\"\\s*:");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String t = text.stripLeading();
        return t.startsWith("{") ? JSON_KEYS.matcher(t).find() : YAML_KEYS.matcher(t).find();
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        String text = InputText.decode(InputText.readBytes(file, displayName, MAX_BYTES, "a neutral policy file"), displayName, encoding).text();
        if (!text.stripLeading().startsWith("{")) {
            // YAML parsing is quadratic in the length of a line: long lines are refused before it starts
            InputText.requireLineLength(text, displayName, MAX_YAML_LINE, "a neutral policy in YAML");
        }
        return new PolicyReader(displayName).read(LocatedTreeReader.read(text, displayName));
    }
}
