package io.lyncaudit.importer;

import io.lyncaudit.importer.neutral.NeutralWriter;

import io.lyncaudit.importer.asa.AsaImporter;
import io.lyncaudit.importer.ios.IosImporter;
import io.lyncaudit.importer.iptables.IptablesImporter;
import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.nftables.NftablesImporter;
import io.lyncaudit.importer.sheet.IpsecSpreadsheetImporter;
import io.lyncaudit.importer.sheet.SpreadsheetImporter;
import io.lyncaudit.importer.windows.WindowsFirewallImporter;
import io.lyncaudit.importer.windows.WindowsIpsecImporter;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The closed registry of importers, and format detection from content. */
public final class Importers {
    private static final int HEAD = 64 * 1024;

    /** Every importer, in detection order (most specific first). */
    public static final List<Importer> ALL = List.of(new NeutralImporter(), new AsaImporter(), new IosImporter(),
            new IptablesImporter(), new NftablesImporter(), new WindowsFirewallImporter(), new WindowsIpsecImporter(),
            new SpreadsheetImporter());

    private Importers() {}

    public static String names() {
        return ALL.stream().map(Importer::format).collect(Collectors.joining(", "));
    }

    /** The importer for a format name, or null. */
    public static Importer forFormat(String format) {
        for (Importer i : ALL) {
            if (i.format().equals(format)) return i;
        }
        return null;
    }

    /**
     * Imports a file with the named format, or the detected one when {@code format} is null, as the
     * audit needs it: a value malformed as written (a spreadsheet's port 70000) is bad input (exit 2).
     */
    public static ImportResult load(Path file, String display, String format) throws BadInputException {
        return load(file, display, format, ImportOptions.NONE);
    }

    /**
     * As {@link #load(Path, String, String)}, with what the deployment says about the input: the
     * Windows network profile whose rules are active, what a spreadsheet's rows mean when it has no
     * action column. Malformed values are bad input whatever {@code options} says.
     */
    public static ImportResult load(Path file, String display, String format, ImportOptions options) throws BadInputException {
        Importer importer = format != null ? forFormat(format) : detect(file, display);
        if (importer instanceof WindowsFirewallImporter && options.windowsProfile() != null) {
            importer = WindowsFirewallImporter.forProfile(options.windowsProfile());
        }
        if (importer == null) {
            throw new BadInputException(display, 0, "format '" + format + "' is not supported by this version of lyncaudit (supported: "
                    + names() + ")");
        }
        if (options.rowAction() != null && !(importer instanceof SpreadsheetImporter)) {
            throw new BadInputException(display, 0, "'action: " + options.rowAction().name().toLowerCase(java.util.Locale.ROOT)
                    + "' is set for this input, but it is read as " + importer.format() + ", whose rules say their own action; "
                    + "'action:' is for spreadsheets without an action column");
        }
        return importer.importFile(file, display, new ImportOptions(options.windowsProfile(), options.rowAction(), true));
    }

    /**
     * Reads an IPsec policy input (the deployment's {@code ipsec:} list): a native Windows export
     * ("windows-ipsec": Get-NetIPsecRule with its filters, or netsh advfirewall consec) or a
     * spreadsheet of connection-security rules (XLSX or CSV). With {@code format} null the content decides.
     */
    public static IpsecPolicy loadIpsec(Path file, String display, String format) throws BadInputException {
        if (format == null) {
            return new WindowsIpsecImporter().detect(file, head(file, display)) ? WindowsIpsecImporter.read(file, display)
                    : IpsecSpreadsheetImporter.read(file, display);
        }
        if (format.equals(IpsecSpreadsheetImporter.FORMAT)) return IpsecSpreadsheetImporter.read(file, display);
        if (format.equals(WindowsIpsecImporter.FORMAT)) return WindowsIpsecImporter.read(file, display);
        throw new BadInputException(display, 0, "IPsec policy format '" + format + "' is not supported by this version of lyncaudit "
                + "(supported: " + IpsecSpreadsheetImporter.FORMAT + ", a CSV or XLSX sheet of connection-security rules; "
                + WindowsIpsecImporter.FORMAT + ", a Get-NetIPsecRule or netsh advfirewall consec export)");
    }

    private static byte[] head(Path file, String display) throws BadInputException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (NoSuchFileException e) {
            throw new BadInputException(display, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(display, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The importer whose detector accepts the file's first bytes. */
    public static Importer detect(Path file, String display) throws BadInputException {
        return detect(file, display, head(file, display));
    }

    private static Importer detect(Path file, String display, byte[] head) throws BadInputException {
        for (Importer i : ALL) {
            if (i.detect(file, head)) return i;
        }
        throw new BadInputException(display, 0, "cannot tell the format of this file (supported: " + names()
                + "); name it with 'format:' in the deployment file or --vendor");
    }

    /** --vendor for `parse` of a spreadsheet of connection-security rules (a plain spreadsheet is a firewall). */
    public static final String IPSEC_SHEET = "ipsec-spreadsheet";

    /** Thrown for a vendor name no importer has. */
    public static final class UnknownVendorException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownVendorException(String message) {
            super(message);
        }
    }

    /**
     * What `lyncaudit parse` prints: the neutral policy an importer makes of one firewall export, or
     * the connection-security rules of an IPsec export, with line counts and diagnostics, as JSON (or YAML),
     * written to {@code out}; {@code imported} runs between reading and writing (for timings): {@code vendor} null lets the content decide.
     *
     * @throws BadInputException     the file is missing, unreadable or of no known format
     * @throws UnknownVendorException {@code vendor} names no importer
     */
    public static void parseListing(Path file, String display, String vendor, boolean yaml, Writer out, Runnable imported)
            throws BadInputException, UnknownVendorException, IOException {
        parseListing(file, display, vendor, ImportOptions.NONE, yaml, out, imported);
    }

    /**
     * As {@link #parseListing(Path, String, String, boolean, Writer, Runnable)}, with what the command
     * line says about the input ({@code --action} for a spreadsheet without an action column).
     * Malformed values are listed as diagnostics, not bad input: parse shows everything it read.
     */
    public static void parseListing(Path file, String display, String vendor, ImportOptions options, boolean yaml, Writer out,
                                    Runnable imported) throws BadInputException, UnknownVendorException, IOException {
        if (!Files.isRegularFile(file)) throw new BadInputException(display, 0, "file not found");
        byte[] head = vendor == null ? head(file, display) : null;
        if (WindowsIpsecImporter.FORMAT.equals(vendor) || IPSEC_SHEET.equals(vendor)
                || head != null && new WindowsIpsecImporter().detect(file, head)) {
            // an IPsec input: its connection-security rules rather than a firewall policy
            if (options.rowAction() != null) {
                throw new BadInputException(display, 0, "--action is for firewall-rule spreadsheets without an action column; an IPsec "
                        + "rule sheet says what each rule does in its Authentication column");
            }
            IpsecPolicy p = Importers.loadIpsec(file, display, IPSEC_SHEET.equals(vendor) ? IpsecSpreadsheetImporter.FORMAT : WindowsIpsecImporter.FORMAT);
            imported.run();
            out.write(yaml ? NeutralWriter.toYaml(p) : NeutralWriter.toJson(p));
            out.flush();
            return;
        }
        Importer importer = vendor != null ? forFormat(vendor) : detect(file, display, head);
        if (importer == null) {
            throw new UnknownVendorException("unknown vendor '" + vendor + "' (supported: " + Importers.names() + ", " + IPSEC_SHEET + ")");
        }
        if (options.rowAction() != null && !(importer instanceof SpreadsheetImporter)) {
            throw new BadInputException(display, 0, "--action is for spreadsheets without an action column, and this file is read as "
                    + importer.format());
        }
        ImportResult r = importer.importFile(file, display, new ImportOptions(options.windowsProfile(), options.rowAction(), false));
        imported.run();
        if (yaml) {
            out.write(NeutralWriter.toYaml(r));
        } else {
            NeutralWriter.writeJson(r, out); // streamed: a 100,000-line config gives tens of MB of JSON
        }
        out.flush();
    }

}
