package io.lyncaudit.importer;

import io.lyncaudit.importer.neutral.NeutralWriter;

import io.lyncaudit.importer.asa.AsaImporter;
import io.lyncaudit.importer.fortigate.FortiGateImporter;
import io.lyncaudit.importer.ios.IosImporter;
import io.lyncaudit.importer.iptables.IptablesImporter;
import io.lyncaudit.importer.neutral.NeutralImporter;
import io.lyncaudit.importer.nftables.NftablesImporter;
import io.lyncaudit.importer.panos.PanosImporter;
import io.lyncaudit.importer.sheet.IpsecSpreadsheetImporter;
import io.lyncaudit.importer.sheet.SpreadsheetImporter;
import io.lyncaudit.importer.srx.SrxImporter;
import io.lyncaudit.importer.windows.WindowsFirewallImporter;
import io.lyncaudit.importer.windows.WindowsIpsecImporter;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.io.InputText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The closed registry of importers, and format detection from content. */
public final class Importers {
    /** Every importer, in detection order (most specific first). */
    public static final List<Importer> ALL = List.of(new NeutralImporter(), new AsaImporter(), new IosImporter(),
            new IptablesImporter(), new NftablesImporter(), new PanosImporter(), new SrxImporter(), new FortiGateImporter(),
            new WindowsFirewallImporter(), new WindowsIpsecImporter(), new SpreadsheetImporter());

    private Importers() {}

    public static String names() {
        return ALL.stream().map(Importer::format).collect(Collectors.joining(", "));
    }

    /** Format names of the deployment contract ({@code contracts/deployment.example.yaml}) that an importer reads under another name. */
    private static final java.util.Map<String, String> ALIASES = java.util.Map.of("junos", SrxImporter.FORMAT);

    /** The importer for a format name (or a name of the contract it stands for), or null. */
    public static Importer forFormat(String format) {
        String name = ALIASES.getOrDefault(format, format);
        for (Importer i : ALL) {
            if (i.format().equals(name)) return i;
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
        Importer importer = format != null ? forFormat(format) : detect(file, display, options.encoding());
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
        if (options.vdom() != null && !(importer instanceof FortiGateImporter)) {
            throw new BadInputException(display, 0, "'vdom: " + options.vdom() + "' is set for this input, but it is read as "
                    + importer.format() + "; 'vdom:' chooses the VDOM of a FortiGate export");
        }
        return importer.importFile(file, display, options.failingOnBadValues(true));
    }

    /**
     * Reads an IPsec policy input (the deployment's {@code ipsec:} list): a native Windows export
     * ("windows-ipsec": Get-NetIPsecRule with its filters, or netsh advfirewall consec) or a
     * spreadsheet of connection-security rules (XLSX or CSV). With {@code format} null the content decides.
     */
    public static IpsecPolicy loadIpsec(Path file, String display, String format) throws BadInputException {
        return loadIpsec(file, display, format, null);
    }

    /** As {@link #loadIpsec(Path, String, String)}, a text input decoded in {@code encoding} (null: detected). */
    public static IpsecPolicy loadIpsec(Path file, String display, String format, String encoding) throws BadInputException {
        if (format == null) {
            return new WindowsIpsecImporter().detect(file, detectionHead(file, display, encoding))
                    ? WindowsIpsecImporter.read(file, display, encoding) : IpsecSpreadsheetImporter.read(file, display, encoding);
        }
        if (format.equals(IpsecSpreadsheetImporter.FORMAT)) return IpsecSpreadsheetImporter.read(file, display, encoding);
        if (format.equals(WindowsIpsecImporter.FORMAT)) return WindowsIpsecImporter.read(file, display, encoding);
        throw new BadInputException(display, 0, "IPsec policy format '" + format + "' is not supported by this version of lyncaudit "
                + "(supported: " + IpsecSpreadsheetImporter.FORMAT + ", a CSV or XLSX sheet of connection-security rules; "
                + WindowsIpsecImporter.FORMAT + ", a Get-NetIPsecRule or netsh advfirewall consec export)");
    }

    /**
     * What each format's detector looks for, for the message when none recognises a file; in
     * detection order, one entry per importer of {@link #ALL}.
     */
    private static final List<String> LOOKS_FOR = List.of(
            "neutral: 'schemaVersion:' and 'policies:' keys (YAML or JSON)",
            "cisco-asa: 'ASA Version', or nameif and access-group lines",
            "cisco-ios: 'ip access-list extended|standard', numbered access-list or ip access-group lines",
            "iptables: '*filter' (or another table) and ':CHAIN POLICY [0:0]' lines of iptables-save",
            "nftables: 'table FAMILY NAME {', 'flush ruleset', include or define lines, or {\"nftables\": [...]} JSON",
            "panos: a PAN-OS <config> XML (running configuration, Panorama, XML API answer) or <policy><panorama> (pushed policy),"
                    + " or set commands such as 'set rulebase security rules' and 'set zone Z network'",
            "junos-srx: 'set security policies|zones|nat ...' lines, or 'version X;', 'security-zone NAME {', 'from-zone A to-zone B {' "
                    + "of show configuration",
            "fortigate: a '#config-version=FG…' header, or 'config firewall …' blocks with set srcintf/dstintf/srcaddr/dstaddr",
            "windows-firewall: Get-NetFirewallRule or netsh advfirewall firewall output",
            "windows-ipsec: Get-NetIPsecRule or netsh advfirewall consec output",
            "spreadsheet: an XLSX workbook, or CSV with Source, Destination and Service or Port columns");

    /** How far detection reads past leading comment lines to find the first statement (a longer file needs its format named). */
    static final int MAX_DETECT_SKIP = 16 * 1024 * 1024;

    /**
     * The start of the file as detectors see it: the first {@value InputText#HEAD} bytes, as UTF-8
     * when they are text in another encoding (UTF-16, Windows-1252, or {@code encoding} when
     * declared), the raw bytes when they are not text (an XLSX workbook).
     */
    private static byte[] detectionHead(Path file, String display, String encoding) throws BadInputException {
        byte[] head = InputText.head(file, display, InputText.HEAD);
        String text = InputText.sniff(head, encoding);
        return text == null ? head : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The first 64 KiB of a file as text, decoded by the rule of every input; empty when it is not text. */
    public static String textHead(Path file, String display) throws BadInputException {
        String t = InputText.sniff(InputText.head(file, display, InputText.HEAD), null);
        return t == null ? "" : t;
    }

    /** The importer whose detector accepts the file's first bytes. */
    public static Importer detect(Path file, String display) throws BadInputException {
        return detect(file, display, (String) null);
    }

    /** As {@link #detect(Path, String)}, the text decoded in {@code encoding} (null: detected). */
    public static Importer detect(Path file, String display, String encoding) throws BadInputException {
        byte[] raw = InputText.head(file, display, InputText.HEAD);
        return detect(file, display, raw, encoding);
    }

    private static Importer detect(Path file, String display, byte[] raw, String encoding) throws BadInputException {
        String text = InputText.sniff(raw, encoding);
        byte[] head = text == null ? raw : text.getBytes(StandardCharsets.UTF_8);
        for (Importer i : ALL) {
            if (i.detect(file, head)) return i;
        }
        String why = text == null ? "it is not text, and not an XLSX workbook" : "none of the formats matches its first 64 KiB";
        if (text != null && ConfigText.contentStart(text) > 0 && raw.length == InputText.HEAD) {
            // leading comments: look again from the first statement, past them (it may lie beyond the first 64 KiB)
            String past = pastComments(file, display, encoding);
            if (past != null) {
                byte[] again = past.getBytes(StandardCharsets.UTF_8);
                for (Importer i : ALL) {
                    if (i.detect(file, again)) return i;
                }
                why = "none of the formats matches the first 64 KiB after its leading comments";
            } else {
                why = "its first " + (MAX_DETECT_SKIP >> 20) + " MiB are comments and blank lines";
            }
        }
        throw new BadInputException(display, 0, "cannot tell the format of this file: " + why + " (looked for " + looksFor()
                + "); name it with 'format:' in the deployment file or --vendor (supported: " + names() + ")");
    }

    /** What the detectors look for, one format after the other, for messages. */
    public static String looksFor() {
        return String.join("; ", LOOKS_FOR);
    }

    /** Up to 64 KiB of text from the first line past the leading comments, within {@link #MAX_DETECT_SKIP}; null when there is none. */
    private static String pastComments(Path file, String display, String encoding) throws BadInputException {
        String text = InputText.sniff(InputText.head(file, display, MAX_DETECT_SKIP + InputText.HEAD), encoding);
        if (text == null) return null;
        int start = ConfigText.contentStart(text);
        return start >= text.length() || start > MAX_DETECT_SKIP ? null : ConfigText.window(text, start, InputText.HEAD);
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
     * line says about the input: its encoding ({@code --encoding}; null: detected), and
     * {@code --action} for a spreadsheet without an action column. Malformed values are listed as
     * diagnostics, not bad input: parse shows everything it read.
     *
     * @return warnings about the input worth a line on stderr (an export with no rule at all)
     * @throws UnknownVendorException {@code vendor} names no importer, or the encoding no encoding
     */
    public static List<String> parseListing(Path file, String display, String vendor, ImportOptions options, boolean yaml, Writer out,
                                            Runnable imported) throws BadInputException, UnknownVendorException, IOException {
        String encoding = options.encoding();
        if (encoding != null && InputText.Encoding.named(encoding) == null) {
            throw new UnknownVendorException("unknown encoding '" + encoding + "' (supported: " + InputText.Encoding.labels() + ")");
        }
        if (!Files.isRegularFile(file)) throw new BadInputException(display, 0, "file not found");
        byte[] raw = vendor == null ? InputText.head(file, display, InputText.HEAD) : null;
        String sniffed = raw == null ? null : InputText.sniff(raw, encoding);
        byte[] head = raw == null ? null : sniffed == null ? raw : sniffed.getBytes(StandardCharsets.UTF_8);
        if (WindowsIpsecImporter.FORMAT.equals(vendor) || IPSEC_SHEET.equals(vendor)
                || head != null && new WindowsIpsecImporter().detect(file, head)) {
            // an IPsec input: its connection-security rules rather than a firewall policy
            if (options.rowAction() != null) {
                throw new BadInputException(display, 0, "--action is for firewall-rule spreadsheets without an action column; an IPsec "
                        + "rule sheet says what each rule does in its Authentication column");
            }
            IpsecPolicy p = Importers.loadIpsec(file, display, IPSEC_SHEET.equals(vendor) ? IpsecSpreadsheetImporter.FORMAT : WindowsIpsecImporter.FORMAT,
                    encoding);
            imported.run();
            out.write(yaml ? NeutralWriter.toYaml(p) : NeutralWriter.toJson(p));
            out.flush();
            return p.rules().isEmpty() ? List.of(noRules(display, "connection-security rule")) : List.of();
        }
        Importer importer = vendor != null ? forFormat(vendor) : detect(file, display, raw, encoding);
        if (importer == null) {
            throw new UnknownVendorException("unknown vendor '" + vendor + "' (supported: " + Importers.names() + ", " + IPSEC_SHEET + ")");
        }
        if (options.rowAction() != null && !(importer instanceof SpreadsheetImporter)) {
            throw new BadInputException(display, 0, "--action is for spreadsheets without an action column, and this file is read as "
                    + importer.format());
        }
        if (options.vdom() != null && !(importer instanceof FortiGateImporter)) {
            throw new BadInputException(display, 0, "--vdom chooses the VDOM of a FortiGate export, and this file is read as " + importer.format());
        }
        ImportResult r = importer.importFile(file, display, options.failingOnBadValues(false));
        imported.run();
        if (yaml) {
            out.write(NeutralWriter.toYaml(r));
        } else {
            NeutralWriter.writeJson(r, out); // streamed: a 100,000-line config gives tens of MB of JSON
        }
        out.flush();
        return r.ruleCount() == 0 ? List.of(noRules(display, "rule")) : List.of();
    }

    /**
     * The warning for an export that yields no rule at all (an empty file, a config without ACLs,
     * an export of the wrong box): the audit would read it as the firewall's defaults alone.
     */
    public static String noRules(String display, String what) {
        return display + ": " + noRulesMessage(what);
    }

    /** {@link #noRules} without the file, for a report diagnostic that names the file on its own. */
    public static String noRulesMessage(String what) {
        return "the export holds no " + what + " at all; it is read as the firewall's default action alone (is it the right file, "
                + "and complete?)";
    }

}
