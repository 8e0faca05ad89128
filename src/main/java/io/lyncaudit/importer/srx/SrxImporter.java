package io.lyncaudit.importer.srx;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Juniper SRX configuration, {@code show configuration | display set} or the
 * hierarchical {@code show configuration} (a saved {@code juniper.conf}), into the stages of its
 * packet path: NAT before the policy lookup, the zone and global security policies, and traffic to
 * and from the device itself. See {@link SrxConversions} for the stages and the package
 * documentation for what is approximate.
 */
public final class SrxImporter implements Importer {
    public static final String FORMAT = "junos-srx";
    /** A configuration with tens of thousands of policies is a few MiB; larger inputs are refused rather than read into memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** No Junos statement comes near this; a hand-written value list of a thousand addresses still fits. */
    static final int MAX_LINE = 64 * 1024;

    /** A statement only Junos writes: in set form or at the start of a line of the hierarchical form. */
    private static final Pattern SIGNATURE = Pattern.compile("(?m)^\\s*(?:(?:set|deactivate) (?:security (?:policies|zones|nat|address-book|"
            + "screen|flow)|applications application(?:-set)? |system host-name |interfaces (?:ge|xe|et|fe|reth|ae|irb|lo|st|fxp)-?\\d|"
            + "groups \\S+ (?:security|system|interfaces)|version \\d)"
            + "|version \\d[\\w.-]*;\\s*$|security-zone \\S+ \\{|from-zone \\S+ to-zone \\S+ \\{|## Last (?:commit|changed): )");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) return false;
        return SIGNATURE.matcher(text).find();
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        ConfigText.Source src = ConfigText.read(file, displayName, encoding, MAX_BYTES, MAX_LINE, "a Junos configuration");
        List<String> lines = src.lines();
        LineLedger ledger = new LineLedger(displayName, lines);
        SrxText text = SrxText.read(displayName, lines, ledger);
        if (!junos(text.statements())) {
            throw new BadInputException(displayName, 0, "not a Junos configuration: no 'security', 'interfaces', 'system', "
                    + "'applications' or 'groups' statement in set or hierarchical form");
        }
        SrxGroups.Expanded ex = SrxGroups.expand(displayName, text.statements(), ledger);
        SrxReader reader = SrxReader.read(ex.statements(), ledger);
        standInsForGroups(ex, reader);
        SrxConversions.Converted c = SrxConversions.convert(reader, displayName);
        reader.settle();
        settleGroups(ex, ledger);
        List<SrxStatement> all = new ArrayList<>(text.statements());
        text.settleStructure(all);
        // the security zones are the interfaces the deployment names (a zone of the audit's own, such as host, is not among them)
        return new ImportResult(displayName, FORMAT, c.policies(), c.nat(), ConfigText.withNotes(ledger.diagnostics(), src), ledger.counts(),
                Action.PERMIT, reader.cfg.zones.keySet());
    }

    /** Hierarchies every Junos configuration of a firewall has at least one of. */
    private static final java.util.Set<String> TOP = java.util.Set.of("security", "interfaces", "system", "applications", "groups",
            "version", "routing-options", "routing-instances", "protocols", "snmp", "firewall", "policy-options", "chassis");

    private static boolean junos(List<SrxStatement> statements) {
        for (SrxStatement st : statements) if (TOP.contains(st.word(0))) return true;
        return false;
    }

    /**
     * A group that cannot be inherited (a variable name such as {@code ${node}}) may hold security
     * statements: the policies then get a stand-in that may decide anything, and those statements
     * are unsupported.
     */
    private static void standInsForGroups(SrxGroups.Expanded ex, SrxReader reader) {
        if (ex.uninheritable().isEmpty()) return;
        List<SrxStatement> security = new ArrayList<>();
        java.util.Set<String> applied = new java.util.HashSet<>();
        for (SrxStatement a : ex.applyStatements()) {
            if (!a.words.contains("apply-groups-except") && !a.word(a.size() - 1).contains("${")) applied.add(a.word(a.size() - 1));
        }
        for (SrxStatement g : ex.groupStatements()) {
            if (g.inactive || g.size() < 3 || applied.contains(g.word(1))) continue;
            String w2 = g.word(2);
            if (w2.equals("security") && !"screen".equals(g.word(3)) || w2.equals("applications") || w2.equals("firewall")) security.add(g);
        }
        if (security.isEmpty()) return;
        for (SrxStatement g : security) {
            reader.unsupported(g, "group " + g.word(1) + " is applied only through a name the reader cannot resolve; its security "
                    + "statements are not inherited, and the policies are uncertain");
        }
        for (SrxStatement a : ex.uninheritable()) {
            reader.cfg.standIns.add(new SrxConfig.StandIn(a, "groups applied as '" + a.word(a.size() - 1) + "' may hold security "
                    + "policies, NAT or objects that this reader does not inherit", null, null, false, false));
        }
    }

    /**
     * Group statements and apply-groups: used when something inherited from them was used,
     * otherwise ignored, saying why.
     */
    private static void settleGroups(SrxGroups.Expanded ex, LineLedger ledger) {
        java.util.Set<SrxStatement> usedOrigins = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<SrxStatement> usedApplies = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<SrxStatement> inheritedOrigins = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<SrxStatement, SrxStatement> e : ex.origin().entrySet()) {
            inheritedOrigins.add(e.getValue());
            if (e.getKey().used) {
                usedOrigins.add(e.getValue());
                usedApplies.add(ex.appliedBy().get(e.getKey()));
            }
        }
        for (SrxStatement g : ex.groupStatements()) {
            if (usedOrigins.contains(g)) {
                g.used = true;
                ledger.used(g.line, g.text());
            } else if (g.inactive) {
                ledger.mark(g.line, g.text(), LineLedger.Verdict.IGNORED, (g.inactiveWhy == null ? "inactive" : g.inactiveWhy) + ": the device does not apply it");
            } else if (inheritedOrigins.contains(g)) {
                ledger.mark(g.line, g.text(), LineLedger.Verdict.IGNORED, "inherited from group " + g.word(1));
            } else {
                ledger.mark(g.line, g.text(), LineLedger.Verdict.IGNORED, "group " + g.word(1) + ": no apply-groups inherits this statement");
            }
        }
        for (SrxStatement a : ex.applyStatements()) {
            if (usedApplies.contains(a)) {
                a.used = true;
                ledger.used(a.line, a.text());
            } else if (a.inactive) {
                ledger.mark(a.line, a.text(), LineLedger.Verdict.IGNORED, (a.inactiveWhy == null ? "inactive" : a.inactiveWhy) + ": the device does not apply it");
            } else {
                ledger.mark(a.line, a.text(), LineLedger.Verdict.IGNORED, a.words.contains("apply-groups-except") ? "apply-groups-except: stops a group from being inherited "
                        + "below it" : "applies group " + a.word(a.size() - 1) + ": nothing it brings in is used");
            }
        }
    }
}
