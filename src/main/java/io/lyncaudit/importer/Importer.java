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
     * @param head the first bytes of the file (up to 64 KiB)
     */
    boolean detect(Path file, byte[] head);

    /**
     * Imports the file.
     *
     * @param displayName the path as it should appear in reports and diagnostics (relative to the deployment file)
     */
    ImportResult importFile(Path file, String displayName) throws BadInputException;

    /**
     * Imports the file with what the deployment says about it; an importer whose format states
     * everything itself ignores the options.
     */
    default ImportResult importFile(Path file, String displayName, ImportOptions options) throws BadInputException {
        return importFile(file, displayName);
    }
}
