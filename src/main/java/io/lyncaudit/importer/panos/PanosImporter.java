package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.io.InputText;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Palo Alto Networks PAN-OS configuration, in XML ({@code show config running} with the
 * XML output format, an exported {@code running-config.xml}, an XML API answer, a Panorama
 * configuration, {@code show config pushed-shared-policy}) or in the set form
 * ({@code set cli config-output-format set}), into the neutral policy: the security policy, then
 * the NAT policy, as stages of the forward path (see {@link PanosConversions}).
 */
public final class PanosImporter implements Importer {
    public static final String FORMAT = "panos";
    /** Larger inputs are refused: a 20,000-rule XML configuration is about 30 MiB. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final Pattern SET_LINE = Pattern.compile("(?m)^\\s*set (deviceconfig |mgt-config |rulebase (security|nat|default-security-rules)"
            + " |zone \\S+ network |network (interface|virtual-router) |vsys \\S+ |device-group \\S+ |shared |address \\S+ "
            + "(ip-netmask|ip-range|ip-wildcard|fqdn) |address-group \\S+ (static|dynamic) |service \\S+ protocol |service-group \\S+ "
            + "members |pre-rulebase |post-rulebase )");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) return false;
        boolean config = text.contains("<config ") || text.contains("<config>"); // not Junos' <configuration>
        if (config && (text.contains("urldb=\"") || text.contains("<mgt-config>") || text.contains("<devices>") || text.contains("<shared>"))) {
            return true;
        }
        if (text.contains("<policy>") && text.contains("<panorama>")) return true;
        java.util.regex.Matcher m = SET_LINE.matcher(text);
        int n = 0;
        while (n < 2 && m.find()) n++;
        return n >= 2;
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        ConfigText.Source src = ConfigText.decode(file, displayName, encoding, MAX_BYTES, "a PAN-OS configuration");
        String text = src.text();
        LineLedger lines = LineLedger.ofText(displayName, text);
        PanLedger ledger = new PanLedger(lines);
        if (text.isBlank()) {
            // nothing at all: the firewall's defaults alone, which the audit warns about
            return new ImportResult(displayName, FORMAT, List.of(), List.of(), ConfigText.withNotes(lines.diagnostics(), src),
                    lines.counts(), Action.DENY);
        }
        PanNode doc;
        int xml = xmlStart(text);
        if (xml >= 0) {
            doc = PanXmlReader.read(text, xml, lines, displayName);
            PanNode top = doc.children().isEmpty() ? null : doc.children().get(0);
            if (top == null || !List.of("config", "policy", "response").contains(top.name)) {
                throw new BadInputException(displayName, 0, "not a PAN-OS configuration: the XML document is <"
                        + (top == null ? "?" : top.name) + ">, not <config> (a configuration), <policy> (pushed Panorama policy) or"
                        + " <response> (an XML API answer)");
            }
        } else {
            InputText.requireLineLength(text, displayName, PanSetReader.MAX_LINE, "a PAN-OS configuration in set form");
            doc = PanSetReader.read(ConfigText.lines(text), ledger);
            PanNode config = doc.child("config");
            if (config == null || config.children().isEmpty()) {
                throw new BadInputException(displayName, 0, "not a PAN-OS configuration: no line is a set command of PAN-OS's security "
                        + "policy, NAT, objects, zones or network (set rulebase ..., set address ..., set zone ..., set network ...)");
            }
        }
        PanosConversions.Converted c = PanosConversions.convert(doc, ledger);
        return new ImportResult(displayName, FORMAT, c.policies(), c.nat(), ConfigText.withNotes(lines.diagnostics(), src), lines.counts(),
                Action.DENY, c.zones());
    }

    /**
     * Where the XML document starts, or -1 when the text is in the set form: the first markup,
     * unless a set or delete command comes before it.
     */
    static int xmlStart(String text) {
        int at = PanXmlReader.documentStart(text);
        if (at < 0) return -1;
        int lineStart = 0;
        while (lineStart < at) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0 || end > at) break;
            if (PanSetReader.isCommand(text.substring(lineStart, end).strip())) return -1;
            lineStart = end + 1;
        }
        return at;
    }
}
