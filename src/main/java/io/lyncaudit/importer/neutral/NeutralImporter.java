package io.lyncaudit.importer.neutral;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    public ImportResult importFile(Path file, String displayName) throws BadInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(displayName, displayName, "cannot read the file: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(displayName, 0, "not a neutral policy file: not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return new PolicyReader(displayName).read(LocatedTreeReader.read(text, displayName));
    }
}
