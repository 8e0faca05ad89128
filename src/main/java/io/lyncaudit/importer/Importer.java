package io.lyncaudit.importer;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;

/**
 * Reads one vendor export into the neutral policy. Lines it cannot use become diagnostics; only
 * input that is not this format at all (or unreadable) raises {@link BadInputException}.
 */
public interface Importer {

    /** The format name used in deployment files and --vendor (spreadsheet, neutral, cisco-asa, ...). */
    String format();

    /**
     * True when the start of the file looks like this format.
     *
     * @param head the first bytes of the file (up to 64 KiB); when they are text in another encoding
     *             than UTF-8 (UTF-16, Windows-1252), the registry hands over that text as UTF-8
     */
    boolean detect(Path file, byte[] head);

    /**
     * Imports the file.
     *
     * @param displayName the path as it should appear in reports and diagnostics (relative to the deployment file)
     * @param encoding    the declared encoding of a text export (utf-8, utf-16, utf-16le, utf-16be,
     *                    windows-1252), or null to detect it ({@code io.lyncaudit.io.InputText});
     *                    a binary format (XLSX) ignores it
     */
    ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException;

    /** Imports the file, its encoding detected. */
    default ImportResult importFile(Path file, String displayName) throws BadInputException {
        return importFile(file, displayName, (String) null);
    }

    /**
     * Imports the file with what the deployment says about it (its encoding among it); an importer
     * whose format states everything else itself ignores the rest of the options.
     */
    default ImportResult importFile(Path file, String displayName, ImportOptions options) throws BadInputException {
        return importFile(file, displayName, options.encoding());
    }
}
