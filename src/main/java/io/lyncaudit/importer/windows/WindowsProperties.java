package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.LineLedger.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties of Windows rule exports, and how the lines of a rule get their verdicts in the
 * {@link LineLedger}.
 *
 * <p>A property the conversion read ({@link RawBlock#wasRead}) is used. One it did not read is
 * ignored when it is known not to matter (a description, a group, where the rule is stored: the
 * {@code irrelevant} map says why), or when it is one the conversion reads and another property
 * gave the same (Name beside DisplayName). Any other property is unknown: unrecognized, and,
 * unless its value is Any or blank, a reason the rule may match less than read (Windows applies
 * every property of a rule as a further condition), so the rule is kept uncertain. In a CSV the
 * columns are diagnosed once, on the header row, and the row is the rule's one line.
 *
 * <p>A rule reported as a whole (disabled, of another profile, not readable) gives each of its
 * lines the verdict: the first with the message, the others saying which rule they are part of.
 */
final class WindowsProperties {

    /** Names of a rule: one names it, the others are identifiers. */
    private static final String IDENTIFIER = "identifies the rule: not about which packets it matches";
    private static final String LABEL = "labels the rule: not about which packets it matches";
    private static final String STORE = "says where the rule is stored or what state Windows reports for it: not about which packets it matches";

    /** Every property the Windows Firewall conversion may read. */
    static final Set<String> FIREWALL_READ = Set.of("displayname", "rulename", "name", "direction", "action", "enabled", "profile",
            "profiles", "protocol", "icmptype", "localport", "remoteport", "localaddress", "localip", "remoteaddress", "remoteip",
            "program", "service", "package", "owner", "interfacetypes", "interfacetype", "interfacealias", "security",
            "authentication", "encryption", "overrideblockrules", "remoteuser", "remotemachine", "localuser", "remoteusers",
            "remotecomputers", "localusers", "dynamictarget");

    /** Properties of firewall rule exports that do not decide which packets a rule matches, and why. */
    static final Map<String, String> FIREWALL_IRRELEVANT = Map.ofEntries(
            Map.entry("name", IDENTIFIER), Map.entry("id", IDENTIFIER), Map.entry("instanceid", IDENTIFIER),
            Map.entry("caption", IDENTIFIER), Map.entry("elementname", IDENTIFIER), Map.entry("commonname", IDENTIFIER),
            Map.entry("policyrulename", IDENTIFIER), Map.entry("creationclassname", IDENTIFIER),
            Map.entry("systemcreationclassname", IDENTIFIER), Map.entry("systemname", IDENTIFIER),
            Map.entry("pscomputername", IDENTIFIER), Map.entry("cimclass", IDENTIFIER),
            Map.entry("ciminstanceproperties", IDENTIFIER), Map.entry("cimsystemproperties", IDENTIFIER),
            Map.entry("description", "describes the rule: not about which packets it matches"), Map.entry("displaygroup", LABEL), Map.entry("group", LABEL),
            Map.entry("grouping", LABEL), Map.entry("rulegroup", LABEL),
            Map.entry("rulesource", STORE), Map.entry("policystoresource", STORE), Map.entry("policystoresourcetype", STORE),
            Map.entry("primarystatus", STORE), Map.entry("status", STORE), Map.entry("statuscode", STORE),
            Map.entry("enforcementstatus", STORE), Map.entry("policydecisionstrategy", STORE),
            Map.entry("conditionlisttype", STORE), Map.entry("executionstrategy", STORE), Map.entry("sequencedactions", STORE),
            Map.entry("mandatory", STORE), Map.entry("priority", STORE), Map.entry("ruleusage", STORE),
            Map.entry("platform", "names the Windows versions the rule is meant for: the export comes from the host that applies it"),
            Map.entry("edgetraversal", "concerns traffic tunnelled through a NAT device (Teredo), which the audit does not ask about"),
            Map.entry("edgetraversalpolicy", "concerns traffic tunnelled through a NAT device (Teredo), which the audit does not ask about"),
            Map.entry("loosesourcemapping", "is a NAT-traversal setting: not about which packets the rule matches"),
            Map.entry("localonlymapping", "is a NAT-traversal setting: not about which packets the rule matches"));

    /** Every property the Windows IPsec conversion may read. */
    static final Set<String> IPSEC_READ = Set.of("displayname", "rulename", "name", "ipsecrulename", "action", "inboundsecurity",
            "outboundsecurity", "enabled", "profile", "profiles", "mode", "protocol", "endpoint1", "localaddress", "endpoint2",
            "remoteaddress", "port1", "localport", "endpoint1port", "port2", "remoteport", "endpoint2port");

    private static final String AUTH = "says how a connection authenticates, not whether it is exempt";

    /** Properties of connection-security rule exports that do not decide what a rule exempts, and why. */
    static final Map<String, String> IPSEC_IRRELEVANT = Map.ofEntries(
            Map.entry("name", IDENTIFIER), Map.entry("id", IDENTIFIER), Map.entry("instanceid", IDENTIFIER),
            Map.entry("caption", IDENTIFIER), Map.entry("elementname", IDENTIFIER), Map.entry("pscomputername", IDENTIFIER),
            Map.entry("description", "describes the rule: not about which packets it matches"), Map.entry("displaygroup", LABEL), Map.entry("group", LABEL),
            Map.entry("grouping", LABEL), Map.entry("rulesource", STORE), Map.entry("policystoresource", STORE),
            Map.entry("policystoresourcetype", STORE), Map.entry("primarystatus", STORE), Map.entry("status", STORE),
            Map.entry("enforcementstatus", STORE), Map.entry("platform", "names the Windows versions the rule is meant for"),
            Map.entry("type", "says whether the rule is static or dynamic, not what it exempts"),
            Map.entry("mainmodesecmethods", AUTH), Map.entry("quickmodesecmethods", AUTH), Map.entry("applyauthorization", AUTH),
            Map.entry("quickmodecryptoset", AUTH), Map.entry("phase1authset", AUTH), Map.entry("phase2authset", AUTH),
            Map.entry("keymodule", AUTH), Map.entry("allowwatchkey", AUTH), Map.entry("allowsetkey", AUTH),
            Map.entry("requireauthorization", AUTH), Map.entry("user", AUTH), Map.entry("machine", AUTH),
            Map.entry("forwardpathlifetime", AUTH), Map.entry("encryptedtunnelbypass", "is a tunnel-mode setting (tunnel rules are not read)"),
            Map.entry("localtunnelendpoint", "is a tunnel-mode setting (tunnel rules are not read)"),
            Map.entry("remotetunnelendpoint", "is a tunnel-mode setting (tunnel rules are not read)"),
            Map.entry("remotetunnelhostname", "is a tunnel-mode setting (tunnel rules are not read)"));

    /** Prefixes of IPsec properties that are authentication settings (netsh Auth1, Auth1CAName, Auth2PSK, ...). */
    private static final List<String> IPSEC_AUTH_PREFIXES = List.of("auth1", "auth2");

    private final LineLedger ledger;
    private final Set<String> read;
    private final Map<String, String> irrelevant;
    private final boolean ipsec;

    private WindowsProperties(LineLedger ledger, Set<String> read, Map<String, String> irrelevant, boolean ipsec) {
        this.ledger = ledger;
        this.read = read;
        this.irrelevant = irrelevant;
        this.ipsec = ipsec;
    }

    /** For a Windows Firewall export accounted in {@code ledger}. */
    static WindowsProperties firewall(LineLedger ledger) {
        return new WindowsProperties(ledger, FIREWALL_READ, FIREWALL_IRRELEVANT, false);
    }

    /** For a Windows IPsec export accounted in {@code ledger}. */
    static WindowsProperties ipsec(LineLedger ledger) {
        return new WindowsProperties(ledger, IPSEC_READ, IPSEC_IRRELEVANT, true);
    }

    /** Marks nothing: for reading values again (the bound of a rule that could not be read). */
    static WindowsProperties quiet() {
        return new WindowsProperties(null, FIREWALL_READ, FIREWALL_IRRELEVANT, false);
    }

    /** The input's name, as reports show it. */
    String file() {
        return ledger == null ? "" : ledger.file();
    }

    /** Why a property the conversion did not read does not matter, or null when it is unknown. */
    private String irrelevant(String key) {
        String why = irrelevant.get(key);
        if (why != null) return why;
        if (ipsec) for (String p : IPSEC_AUTH_PREFIXES) if (key.startsWith(p)) return AUTH;
        if (read.contains(key)) return "is not read: another property of the rule gives the same";
        return null;
    }

    /** A diagnostic about one property: its lines (a CSV row's, for a cell) get the verdict. */
    void field(RawBlock.Field f, Verdict v, String message) {
        if (ledger == null) return;
        for (int l : f.lines()) ledger.mark(l, v, message);
    }

    /**
     * A remark about a property that does not change its rule's verdict (a condition read as
     * absent, with the rule's uncertainty saying so): ignored on the property's own lines; a CSV
     * row, which is the rule, stays used.
     */
    void note(RawBlock b, RawBlock.Field f, String message) {
        if (!b.row()) field(f, Verdict.IGNORED, message);
    }

    /** A diagnostic about the whole rule: every line of it gets the verdict. */
    void rule(RawBlock b, Verdict v, String message) {
        if (ledger != null) whole(ledger, b.lines(), v, message);
    }

    /** Gives every line of a rule (or row) the verdict: the first with {@code message}, the others saying whose part they are. */
    static void whole(LineLedger ledger, List<Integer> lines, Verdict v, String message) {
        if (lines.isEmpty()) return;
        int first = lines.get(0);
        for (int l : lines) ledger.mark(l, v, l == first ? message : "part of the rule at line " + first + ": " + message);
    }

    /**
     * The lines of a rule the conversion keeps: every property it read is used, every other one
     * ignored or, unknown, unrecognized. Returns, for each unknown property with a value other
     * than Any, why the rule may match less than read.
     */
    List<String> kept(RawBlock b) {
        List<String> narrower = new ArrayList<>();
        for (Map.Entry<String, RawBlock.Field> e : b.fields().entrySet()) {
            String key = e.getKey();
            RawBlock.Field f = e.getValue();
            if (b.wasRead(key)) {
                if (ledger != null) for (int l : f.lines()) if (!ledger.has(l)) ledger.used(l);
                continue;
            }
            String why = irrelevant(key);
            if (why != null) {
                note(b, f, f.key() + " " + why);
                continue;
            }
            if (!b.row()) field(f, Verdict.UNRECOGNIZED, unknown(f.key()));
            if (!WindowsValues.isAny(f.value())) {
                narrower.add(f.key() + " '" + f.value().trim() + "' is not known to the audit and is read as no condition");
            }
        }
        // a CSV row whose every cell is unknown or irrelevant still made the rule
        if (ledger != null) for (int l : b.lines()) if (!ledger.has(l)) ledger.used(l);
        return narrower;
    }

    private static String unknown(String key) {
        return "property " + key + " is not known to the audit; not read";
    }

    /** The header row of a CSV: each column the conversion does not read is ignored (known not to matter) or unrecognized. */
    void header(int line, List<String> columns) {
        if (ledger == null || line <= 0) return;
        for (String c : columns) {
            String key = RawBlock.norm(c);
            // a column the conversion reads is accounted on each row (a Name beside a DisplayName is not read there)
            if (key.isEmpty() || read.contains(key)) continue;
            String why = irrelevant(key);
            if (why != null) ledger.ignored(line, "column " + c + " " + why);
            else ledger.unrecognized(line, "column " + c + " is not known to the audit; its values are not read");
        }
    }
}
