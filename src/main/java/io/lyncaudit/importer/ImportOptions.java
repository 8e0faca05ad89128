package io.lyncaudit.importer;

import io.lyncaudit.policy.Action;
import java.util.Locale;

/**
 * What the deployment file (or the command line) says about an input that the input itself may
 * not say, and how strictly to read it.
 *
 * @param windowsProfile for a Windows Firewall export, the network profile whose rules are active
 *                       ("domain", "private", "public"); null for the default (domain)
 * @param rowAction      for a spreadsheet whose sheets have no action column, what every row means:
 *                       {@link Action#PERMIT} for a list of openings; null when the sheet must say it
 *                       (a sheet without an action column is then bad input, never read as a guess)
 * @param badValuesFail  true when a cell whose value is malformed as written (port 70000, a CIDR
 *                       /33, an unknown action) makes the whole import bad input, as the audit
 *                       needs; false to report it as a diagnostic only, as {@code parse} shows it
 * @param encoding       the declared encoding of a text input (utf-8, utf-16, utf-16le, utf-16be,
 *                       windows-1252), or null to detect it ({@code io.lyncaudit.io.InputText})
 * @param vdom           for a FortiGate export with several VDOMs, the VDOM whose policy the firewall
 *                       is ({@code vdom:} in the deployment, {@code --vdom}); null when the export has
 *                       one (a multi-VDOM export without it is bad input naming its VDOMs)
 */
public record ImportOptions(String windowsProfile, Action rowAction, boolean badValuesFail, String encoding, String vdom) {

    /** Nothing said: the file decides, and malformed values are diagnostics. */
    public static final ImportOptions NONE = new ImportOptions(null, null, false, null, null);

    /** Options without a VDOM. */
    public ImportOptions(String windowsProfile, Action rowAction, boolean badValuesFail, String encoding) {
        this(windowsProfile, rowAction, badValuesFail, encoding, null);
    }

    /** Options with the encoding detected. */
    public ImportOptions(String windowsProfile, Action rowAction, boolean badValuesFail) {
        this(windowsProfile, rowAction, badValuesFail, null, null);
    }

    /** These options with {@code badValuesFail} set as given. */
    public ImportOptions failingOnBadValues(boolean fail) {
        return new ImportOptions(windowsProfile, rowAction, fail, encoding, vdom);
    }

    /** These options with the text read in {@code declared} (null: detected). */
    public ImportOptions withEncoding(String declared) {
        return new ImportOptions(windowsProfile, rowAction, badValuesFail, declared, vdom);
    }

    /** These options for the FortiGate VDOM {@code name} (null: the export must have one VDOM). */
    public ImportOptions withVdom(String name) {
        return new ImportOptions(windowsProfile, rowAction, badValuesFail, encoding, name);
    }

    /** The words a deployment file or --action may use for {@link #rowAction()}. */
    public static final String ROW_ACTIONS = "permit (every row is an opening) or deny";

    /**
     * Options from their written forms, as the deployment file and the command line give them.
     *
     * @param rowAction "permit" or "deny" (any case), or null
     * @throws IllegalArgumentException for any other row action
     */
    public static ImportOptions of(String windowsProfile, String rowAction, boolean badValuesFail) {
        return new ImportOptions(windowsProfile, rowAction(rowAction), badValuesFail);
    }

    /** "permit" or "deny" (any case) as an action; null for null; throws for anything else. */
    public static Action rowAction(String written) {
        if (written == null) return null;
        return switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("'" + written.strip() + "' is not a row action; expected " + ROW_ACTIONS);
        };
    }
}
