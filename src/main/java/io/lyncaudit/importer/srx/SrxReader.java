package io.lyncaudit.importer.srx;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.srx.SrxConfig.Address;
import io.lyncaudit.importer.srx.SrxConfig.AddressBook;
import io.lyncaudit.importer.srx.SrxConfig.AddressSet;
import io.lyncaudit.importer.srx.SrxConfig.Application;
import io.lyncaudit.importer.srx.SrxConfig.ApplicationSet;
import io.lyncaudit.importer.srx.SrxConfig.Context;
import io.lyncaudit.importer.srx.SrxConfig.NatRule;
import io.lyncaudit.importer.srx.SrxConfig.NatRuleSet;
import io.lyncaudit.importer.srx.SrxConfig.Pool;
import io.lyncaudit.importer.srx.SrxConfig.SecurityPolicy;
import io.lyncaudit.importer.srx.SrxConfig.Zone;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage two: statements into the raw model {@link SrxConfig}. Every statement ends with one verdict:
 * what the model keeps is used or not by the conversion (which then says why, see {@link #settle});
 * what is not about filtering is ignored here, saying what it is; what is about filtering and not
 * modelled is unsupported; anything else is unrecognized.
 */
final class SrxReader {
    private final LineLedger ledger;
    final SrxConfig cfg = new SrxConfig();
    /** Why a statement the model keeps is ignored when the conversion does not use it. */
    private final Map<SrxStatement, String> unusedWhy = new IdentityHashMap<>();

    private SrxReader(LineLedger ledger) {
        this.ledger = ledger;
    }

    static SrxReader read(List<SrxStatement> statements, LineLedger ledger) {
        SrxReader r = new SrxReader(ledger);
        for (SrxStatement st : statements) {
            if (st.inactive) {
                r.ignored(st, st.inactiveWhy == null ? "inactive: the device does not apply it" : st.inactiveWhy
                        + ": the device does not apply it");
                continue;
            }
            r.top(st);
        }
        return r;
    }

    // ------------------------------------------------------------------ verdicts

    /** Kept in the model; ignored with {@code why} unless the conversion uses it. */
    private void keep(SrxStatement st, String why) {
        unusedWhy.putIfAbsent(st, why);
    }

    private void ignored(SrxStatement st, String why) {
        for (int l = st.line; l <= st.lastLine; l++) ledger.mark(l, st.text(), LineLedger.Verdict.IGNORED, why);
    }

    /** At most this many reasons are given for one line (a value list of thousands of undefined names is one line). */
    static final int MAX_NOTES_PER_LINE = 5;
    private final Map<Integer, Integer> notes = new java.util.HashMap<>();

    void unsupported(SrxStatement st, String why) {
        int n = notes.merge(st.line, 1, Integer::sum);
        if (n > MAX_NOTES_PER_LINE + 1) return;
        ledger.mark(st.line, st.text(), LineLedger.Verdict.UNSUPPORTED, n <= MAX_NOTES_PER_LINE ? why
                : "and more of its values are not modelled");
    }

    private void unrecognized(SrxStatement st, String why) {
        ledger.mark(st.line, st.text(), LineLedger.Verdict.UNRECOGNIZED, why);
    }

    /** A statement the model keeps that the conversion read and found no use for: ignored with {@code why} unless used after all. */
    void explain(SrxStatement st, String why) {
        unusedWhy.put(st, why);
    }

    /** Marks a statement used: its lines, and (hierarchical form) the blocks around it. */
    void use(SrxStatement st) {
        st.used = true;
        for (int l = st.line; l <= st.lastLine; l++) ledger.used(l);
    }

    /** Every statement the model kept and the conversion did not use is ignored, saying why. */
    void settle() {
        for (Map.Entry<SrxStatement, String> e : unusedWhy.entrySet()) {
            if (!e.getKey().used) ignored(e.getKey(), e.getValue());
        }
    }

    // ------------------------------------------------------------------ top level

    /** Hierarchies that say nothing about which connections the security policies permit. */
    private static final Map<String, String> NOT_FILTERING = Map.ofEntries(
            Map.entry("version", "the software version"),
            Map.entry("system", "system settings (host name, users, services of the device)"),
            Map.entry("chassis", "chassis settings"),
            Map.entry("snmp", "SNMP settings"),
            Map.entry("protocols", "routing protocols"),
            Map.entry("routing-options", "routing options"),
            Map.entry("policy-options", "routing policy (prefix lists and policy statements of the routing protocols)"),
            Map.entry("class-of-service", "class of service"),
            Map.entry("event-options", "event scripts"),
            Map.entry("forwarding-options", "forwarding options"),
            Map.entry("access", "access profiles (authentication)"),
            Map.entry("poe", "power over Ethernet"),
            Map.entry("vlans", "VLANs"),
            Map.entry("ethernet-switching-options", "switching options"),
            Map.entry("switch-options", "switching options"),
            Map.entry("services", "services (application identification, RPM, ...) that the policies do not name by port"),
            Map.entry("bridge-domains", "bridge domains"),
            Map.entry("multi-chassis", "multi-chassis settings"),
            Map.entry("wlan", "wireless settings"),
            Map.entry("smtp", "mail settings of the device"),
            Map.entry("accounting-options", "accounting options"));

    private void top(SrxStatement st) {
        String w0 = st.word(0);
        if (w0 == null) return;
        String what = NOT_FILTERING.get(w0);
        if (what != null) {
            ignored(st, "'" + w0 + "': " + what + ", not about filtering");
            return;
        }
        switch (w0) {
            case "security" -> security(st);
            case "applications" -> applications(st);
            case "interfaces" -> interfaces(st);
            case "firewall" -> firewall(st);
            case "routing-instances" -> routingInstance(st);
            case "schedulers" -> scheduler(st);
            case "logical-systems", "tenants" -> unsupported(st, "'" + w0 + "': the security policies of a logical system or tenant "
                    + "are another firewall's; the audit reads the root system's");
            default -> unrecognized(st, "unknown top-level statement '" + w0 + "'");
        }
    }

    private void security(SrxStatement st) {
        String w1 = st.word(1);
        if (w1 == null) {
            ignored(st, "an empty 'security' statement");
            return;
        }
        switch (w1) {
            case "policies" -> policies(st);
            case "zones" -> zones(st);
            case "address-book" -> addressBook(st);
            case "nat" -> nat(st);
            case "screen" -> ignored(st, "screens drop floods and malformed packets; they decide no connection the audit asks about");
            case "ike", "ipsec", "pki", "group-vpn", "dynamic-vpn", "remote-access" ->
                    ignored(st, "VPN settings: policies send traffic into a tunnel with 'then permit tunnel', and that is read there");
            case "flow" -> ignored(st, "flow settings (session timeouts, TCP checks, MSS): they decide no policy lookup");
            case "alg" -> ignored(st, "application layer gateways open pinholes for the data connections of a permitted session; "
                    + "the audit asks about the connections the policies permit");
            case "log", "application-tracking", "traceoptions", "ssh-known-hosts", "authentication-key-chains", "certificates",
                    "forwarding-options", "forwarding-process", "policy-stats", "datapath-debug", "idp-config" ->
                    ignored(st, "'security " + w1 + "': not about which connections are permitted");
            case "idp", "utm", "application-firewall", "ssl", "aamw", "advance-policy-based-routing", "user-identification",
                    "dynamic-address", "gprs", "dns-proxy", "url-filtering" ->
                    keep(st, "'security " + w1 + "': a service that the policies may call; a policy that uses it says so");
            default -> unrecognized(st, "unknown statement 'security " + w1 + "'");
        }
    }

    // ------------------------------------------------------------------ policies

    private void policies(SrxStatement st) {
        String w2 = st.word(2);
        if (w2 == null) {
            ignored(st, "an empty 'security policies' statement");
            return;
        }
        switch (w2) {
            case "from-zone" -> {
                // security policies from-zone A to-zone B policy P ...
                if (!st.is(4, "to-zone") || st.size() < 6) {
                    unrecognized(st, "expected 'from-zone ZONE to-zone ZONE policy NAME ...'");
                    return;
                }
                if (!st.is(6, "policy") || st.size() < 8) {
                    if (st.size() == 6) {
                        keep(st, "a zone context without policies");
                    } else {
                        unrecognized(st, "expected 'policy NAME ...' in the context");
                    }
                    return;
                }
                Context c = new Context(st.word(3), st.word(5));
                SecurityPolicy p = cfg.contexts.computeIfAbsent(c, k -> new LinkedHashMap<>())
                        .computeIfAbsent(st.word(7), k -> new SecurityPolicy(k, c.from(), c.to(), st));
                policy(p, st, 8);
            }
            case "global" -> {
                if (!st.is(3, "policy") || st.size() < 5) {
                    unrecognized(st, "expected 'global policy NAME ...'");
                    return;
                }
                SecurityPolicy p = cfg.global.computeIfAbsent(st.word(4), k -> new SecurityPolicy(k, null, null, st));
                policy(p, st, 5);
            }
            case "default-policy" -> {
                String a = st.word(3);
                if (!"permit-all".equals(a) && !"deny-all".equals(a) || st.size() != 4) {
                    unrecognized(st, "expected 'default-policy permit-all' or 'deny-all'");
                    return;
                }
                if (cfg.defaultPolicy != null && !replaces(cfg.defaultPolicy, st)) {
                    ignored(st, "the configuration's own default-policy wins over what a group says");
                    return;
                }
                if (cfg.defaultPolicy != null) ignored(cfg.defaultPolicy, "replaced by the default-policy at line " + st.line);
                cfg.defaultPolicy = st;
                keep(st, "the default policy");
            }
            case "policy-rematch", "traceoptions", "policy-stats", "pre-id-default-policy", "unified-policy", "stateful-firewall-rule",
                    "lookup-latency-optimize", "default-policy-log" ->
                    ignored(st, "'security policies " + w2 + "': not about which connections the policies permit");
            default -> unrecognized(st, "unknown statement 'security policies " + w2 + "'");
        }
    }

    /** True when {@code next} replaces {@code prev} for a value said once: the later of two statements of the configuration itself. */
    static boolean replaces(SrxStatement prev, SrxStatement next) {
        return prev.group == null && next.group == null;
    }

    /** The rest of a policy statement, from word {@code i}. */
    private void policy(SecurityPolicy p, SrxStatement st, int i) {
        String w = st.word(i);
        if (w == null) {
            keep(st, "a policy without conditions or action");
            return;
        }
        switch (w) {
            case "match" -> match(p, st, i + 1);
            case "then" -> then(p, st, i + 1);
            case "scheduler-name" -> {
                p.scheduler = st;
                keep(st, "the policy's schedule");
            }
            case "description" -> ignored(st, "a description");
            case "report-skip", "policy-rematch" -> ignored(st, "'" + w + "': not about which connections are permitted");
            default -> unrecognized(st, "unknown policy statement '" + w + "'");
        }
    }

    private void match(SecurityPolicy p, SrxStatement st, int i) {
        String w = st.word(i);
        if (w == null) {
            keep(st, "an empty match");
            return;
        }
        boolean hasValue = st.size() == i + 2;
        switch (w) {
            case "source-address" -> listValue(p.source, st, hasValue);
            case "destination-address" -> listValue(p.destination, st, hasValue);
            case "application" -> listValue(p.application, st, hasValue);
            case "from-zone" -> {
                if (!p.global()) {
                    unrecognized(st, "'match from-zone' belongs to a global policy");
                    return;
                }
                listValue(p.fromZones, st, hasValue);
            }
            case "to-zone" -> {
                if (!p.global()) {
                    unrecognized(st, "'match to-zone' belongs to a global policy");
                    return;
                }
                listValue(p.toZones, st, hasValue);
            }
            case "source-address-excluded" -> {
                p.sourceExcluded = st;
                keep(st, "negates the source addresses");
            }
            case "destination-address-excluded" -> {
                p.destinationExcluded = st;
                keep(st, "negates the destination addresses");
            }
            case "dynamic-application" -> {
                if (!hasValue) {
                    unrecognized(st, "expected 'dynamic-application NAME'");
                } else if (st.word(i + 1).equals("none") || st.word(i + 1).equals("any")) {
                    p.dynamicAny.add(st);
                    keep(st, "'dynamic-application " + st.word(i + 1) + "' narrows nothing");
                } else {
                    p.narrowing.add(st);
                    keep(st, "the dynamic application");
                }
            }
            case "source-identity", "destination-identity", "source-end-user-profile", "url-category", "source-identity-feed",
                    "destination-identity-feed", "source-l3vpn-vrf-group", "destination-l3vpn-vrf-group", "gbp-src-tag", "gbp-dst-tag",
                    "destination-identity-context", "destination-identity-context-profile", "services-offload" -> {
                if (st.size() > i + 1 && (st.word(i + 1).equals("any")) && !w.equals("services-offload")) {
                    p.dynamicAny.add(st);
                    keep(st, "'" + w + " any' narrows nothing");
                } else {
                    p.narrowing.add(st);
                    keep(st, "a condition on who or what the traffic is");
                }
            }
            default -> unrecognized(st, "unknown match condition '" + w + "'");
        }
    }

    private void listValue(List<SrxStatement> into, SrxStatement st, boolean hasValue) {
        if (!hasValue) {
            unrecognized(st, "expected one name");
            return;
        }
        into.add(st);
        keep(st, "a condition of a policy");
    }

    private void then(SecurityPolicy p, SrxStatement st, int i) {
        String w = st.word(i);
        if (w == null) {
            keep(st, "an empty then");
            return;
        }
        switch (w) {
            case "permit", "deny", "reject" -> {
                if (p.actionWord != null && !p.actionWord.equals(w)) {
                    if (!replaces(p.actionStatements.get(0), st)) {
                        ignored(st, "the policy's own action wins over what a group says");
                        return;
                    }
                    for (SrxStatement old : p.actionStatements) {
                        unusedWhy.remove(old);
                        ignored(old, "replaced by the action at line " + st.line);
                    }
                    p.actionStatements.clear();
                    p.permitOptions.clear();
                    p.permitConditions.clear();
                }
                p.actionWord = w;
                p.actionStatements.add(st);
                if (st.size() == i + 1) {
                    keep(st, "the action");
                    return;
                }
                String o = st.word(i + 1);
                if (!w.equals("permit")) {
                    keep(st, "an option of '" + w + "' (it stays a " + w + ")");
                    return;
                }
                switch (o) {
                    case "application-services" -> {
                        // an application firewall rule-set may deny by the application it identifies: that narrows the permit
                        if (st.words.contains("application-firewall") || st.words.contains("application-traffic-control")) {
                            p.permitConditions.add(st);
                            keep(st, "a condition of the permit");
                        } else {
                            p.permitOptions.add(st);
                            keep(st, "'then permit application-services' still permits");
                        }
                    }
                    case "tunnel", "services-offload", "tcp-options", "advanced-connection-tracking" -> {
                        p.permitOptions.add(st);
                        keep(st, "'then permit " + o + "' still permits");
                    }
                    default -> {
                        p.permitConditions.add(st);
                        keep(st, "a condition of the permit");
                    }
                }
            }
            case "count", "log" -> ignored(st, "'then " + w + "': counting and logging decide nothing");
            default -> unrecognized(st, "unknown policy action '" + w + "'");
        }
    }

    // ------------------------------------------------------------------ zones and address books

    private void zones(SrxStatement st) {
        String w2 = st.word(2);
        if ("functional-zone".equals(w2)) {
            ignored(st, "the management functional zone: it takes traffic to the device's management interfaces, and transit traffic never");
            return;
        }
        if (!"security-zone".equals(w2) || st.size() < 4) {
            unrecognized(st, "expected 'security-zone NAME ...'");
            return;
        }
        Zone z = cfg.zones.computeIfAbsent(st.word(3), Zone::new);
        z.statements.add(st);
        String w4 = st.word(4);
        if (w4 == null) {
            keep(st, "defines zone " + z.name);
            return;
        }
        switch (w4) {
            case "interfaces" -> {
                String iface = st.word(5);
                if (iface == null) {
                    unrecognized(st, "expected 'interfaces NAME'");
                } else if (st.size() == 6) {
                    z.interfaces.putIfAbsent(iface, st);
                    keep(st, "puts interface " + iface + " in zone " + z.name);
                } else if (st.is(6, "host-inbound-traffic")) {
                    z.interfaces.putIfAbsent(iface, st);
                    z.hostInbound.add(st);
                } else {
                    ignored(st, "an interface option of the zone, not about filtering");
                }
            }
            case "host-inbound-traffic" -> z.hostInbound.add(st);
            case "address-book" -> bookEntry(z.book, st, 5, "zone " + z.name);
            case "screen", "tcp-rst", "description", "application-tracking", "enable-reverse-reroute", "advance-policy-based-routing-profile",
                    "source-identity-log", "unidirectional-session-refreshing" ->
                    ignored(st, "'" + w4 + "' of the zone: not about which connections are permitted");
            default -> unrecognized(st, "unknown zone statement '" + w4 + "'");
        }
    }

    private void addressBook(SrxStatement st) {
        String name = st.word(2);
        if (name == null) {
            unrecognized(st, "expected 'address-book NAME ...'");
            return;
        }
        AddressBook b = name.equals("global") ? cfg.globalBook : cfg.books.computeIfAbsent(name, AddressBook::new);
        if (st.is(3, "attach")) {
            if (st.is(4, "zone") && st.size() == 6) {
                b.attached.putIfAbsent(st.word(5), st);
                keep(st, "attaches address book " + name + " to zone " + st.word(5));
            } else {
                unrecognized(st, "expected 'attach zone NAME'");
            }
            return;
        }
        if (st.is(3, "description")) {
            ignored(st, "a description");
            return;
        }
        bookEntry(b, st, 3, "address book " + name);
    }

    /** An address or address-set of a book, from word {@code i} ({@code address NAME ...} or {@code address-set NAME ...}). */
    private void bookEntry(AddressBook b, SrxStatement st, int i, String where) {
        String kind = st.word(i), name = st.word(i + 1);
        if (name == null) {
            unrecognized(st, "expected 'address NAME VALUE' or 'address-set NAME ...'");
            return;
        }
        String unused = "not used by any policy or NAT rule the device applies";
        if (kind.equals("address")) {
            Address a = b.addresses.computeIfAbsent(name, Address::new);
            String v = st.word(i + 2);
            if (v == null) {
                keep(st, "an address without a value");
                a.other.add(st);
            } else if (v.equals("description")) {
                ignored(st, "a description");
            } else {
                if (a.value != null && !a.value.words.equals(st.words)) {
                    if (!replaces(a.value, st)) {
                        ignored(st, "the configuration's own value of address " + name + " wins over what a group says");
                        return;
                    }
                    ignored(a.value, "replaced by the value at line " + st.line);
                }
                a.value = st;
                a.at = i + 2;
                keep(st, "address " + name + " of " + where + ": " + unused);
            }
        } else if (kind.equals("address-set")) {
            AddressSet s = b.sets.computeIfAbsent(name, AddressSet::new);
            String m = st.word(i + 2);
            if (m == null) {
                s.other.add(st);
                keep(st, "an empty address-set");
            } else if (m.equals("description")) {
                ignored(st, "a description");
            } else if ((m.equals("address") || m.equals("address-set")) && st.size() == i + 4) {
                s.members.add(st);
                keep(st, "address-set " + name + " of " + where + ": " + unused);
            } else {
                unrecognized(st, "expected 'address NAME' or 'address-set NAME' in an address-set");
            }
        } else {
            unrecognized(st, "unknown address book statement '" + kind + "'");
        }
    }

    // ------------------------------------------------------------------ applications

    private void applications(SrxStatement st) {
        String kind = st.word(1), name = st.word(2);
        if (name == null) {
            unrecognized(st, "expected 'application NAME ...' or 'application-set NAME ...'");
            return;
        }
        String unused = "not used by any policy or NAT rule the device applies";
        if (kind.equals("application")) {
            Application a = cfg.applications.computeIfAbsent(name, Application::new);
            String w = st.word(3);
            if (w == null) {
                a.other.add(st);
                keep(st, "an application without a definition");
            } else if (w.equals("description")) {
                ignored(st, "a description");
            } else if (w.equals("term")) {
                String t = st.word(4);
                if (t == null) {
                    unrecognized(st, "expected 'term NAME ...'");
                    return;
                }
                a.terms.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(st);
                keep(st, "application " + name + ": " + unused);
            } else {
                a.terms.computeIfAbsent("", k -> new java.util.ArrayList<>()).add(st);
                keep(st, "application " + name + ": " + unused);
            }
        } else if (kind.equals("application-set")) {
            ApplicationSet s = cfg.applicationSets.computeIfAbsent(name, ApplicationSet::new);
            String m = st.word(3);
            if (m == null) {
                s.other.add(st);
                keep(st, "an empty application-set");
            } else if (m.equals("description")) {
                ignored(st, "a description");
            } else if ((m.equals("application") || m.equals("application-set")) && st.size() == 5) {
                s.members.add(st);
                keep(st, "application-set " + name + ": " + unused);
            } else {
                unrecognized(st, "expected 'application NAME' or 'application-set NAME' in an application-set");
            }
        } else {
            unrecognized(st, "unknown statement 'applications " + kind + "'");
        }
    }

    // ------------------------------------------------------------------ NAT

    private void nat(SrxStatement st) {
        String w2 = st.word(2);
        if (w2 == null) {
            ignored(st, "an empty 'security nat' statement");
            return;
        }
        switch (w2) {
            case "static" -> natRuleSet(st, true);
            case "destination" -> {
                if (st.is(3, "pool")) {
                    pool(st);
                } else {
                    natRuleSet(st, false);
                }
            }
            case "source" -> ignored(st, "source NAT happens after the policy lookup and changes only the source of what was "
                    + "already permitted: it cannot change a verdict");
            case "proxy-arp", "proxy-ndp" -> ignored(st, "answers address resolution for translated addresses; not filtering");
            case "traceoptions", "allow-overlapping-pools", "address-persistent" -> ignored(st, "'security nat " + w2 + "': not filtering");
            default -> unrecognized(st, "unknown statement 'security nat " + w2 + "'");
        }
    }

    private void pool(SrxStatement st) {
        String name = st.word(4);
        if (name == null) {
            unrecognized(st, "expected 'pool NAME ...'");
            return;
        }
        Pool p = cfg.pools.computeIfAbsent(name, Pool::new);
        String w = st.word(5);
        if ("address".equals(w)) {
            p.address.add(st);
            keep(st, "destination NAT pool " + name + ": used by no rule the device applies");
        } else if ("description".equals(w)) {
            ignored(st, "a description");
        } else if ("routing-instance".equals(w)) {
            p.other.add(st);
            keep(st, "the pool's routing instance: where the translated packet is routed, not whether it is permitted");
        } else {
            unrecognized(st, "unknown pool statement '" + w + "'");
        }
    }

    private void natRuleSet(SrxStatement st, boolean isStatic) {
        String kind = isStatic ? "static" : "destination";
        if (!st.is(3, "rule-set") || st.size() < 5) {
            if (st.size() == 3) {
                ignored(st, "an empty NAT statement");
            } else {
                unrecognized(st, "expected 'security nat " + kind + " rule-set NAME ...'");
            }
            return;
        }
        Map<String, NatRuleSet> sets = isStatic ? cfg.staticNat : cfg.destinationNat;
        NatRuleSet rs = sets.computeIfAbsent(st.word(4), k -> new NatRuleSet(k, isStatic));
        String w = st.word(5);
        if (w == null) {
            rs.other.add(st);
            keep(st, "an empty rule-set");
            return;
        }
        switch (w) {
            case "from" -> {
                String t = st.word(6);
                if (st.size() != 8 || !("zone".equals(t) || "interface".equals(t) || "routing-instance".equals(t))) {
                    unrecognized(st, "expected 'from zone|interface|routing-instance NAME'");
                    return;
                }
                rs.from.add(st);
                keep(st, "the context of a NAT rule-set");
            }
            case "description" -> ignored(st, "a description");
            case "rule" -> {
                String name = st.word(6);
                if (name == null) {
                    unrecognized(st, "expected 'rule NAME ...'");
                    return;
                }
                NatRule r = rs.rules.computeIfAbsent(name, k -> new NatRule(rs.name, k, st));
                natRule(r, st, 7, isStatic);
            }
            case "to" -> unrecognized(st, "'to' belongs to source NAT rule-sets");
            default -> unrecognized(st, "unknown rule-set statement '" + w + "'");
        }
    }

    private void natRule(NatRule r, SrxStatement st, int i, boolean isStatic) {
        String w = st.word(i);
        if (w == null) {
            r.other.add(st);
            keep(st, "an empty NAT rule");
            return;
        }
        if (w.equals("description")) {
            ignored(st, "a description");
            return;
        }
        if (w.equals("then")) {
            String a = st.word(i + 1);
            if (a == null || !(isStatic ? a.equals("static-nat") : a.equals("destination-nat"))) {
                unrecognized(st, "expected 'then " + (isStatic ? "static-nat" : "destination-nat") + " ...'");
                return;
            }
            String o = st.word(i + 2);
            if ("rule-session-count-alarm".equals(o) || "description".equals(o)) {
                ignored(st, "'" + o + "': not about translation");
                return;
            }
            r.then.add(st);
            keep(st, "the translation of a NAT rule");
            return;
        }
        if (!w.equals("match") || st.size() < i + 3) {
            unrecognized(st, "expected 'match CONDITION VALUE' or 'then ...'");
            return;
        }
        String c = st.word(i + 1);
        switch (c) {
            case "destination-address" -> r.destination.add(st);
            case "destination-address-name" -> r.destinationName.add(st);
            case "source-address" -> r.source.add(st);
            case "source-address-name" -> r.sourceName.add(st);
            case "destination-port" -> r.destinationPort.add(st);
            case "protocol" -> r.protocol.add(st);
            case "application" -> r.application.add(st);
            case "source-port" -> r.unmodelled.add(st);
            default -> {
                unrecognized(st, "unknown NAT match condition '" + c + "'");
                return;
            }
        }
        keep(st, "a condition of a NAT rule");
    }

    // ------------------------------------------------------------------ interfaces, routing instances, schedulers

    private void interfaces(SrxStatement st) {
        // interfaces IF unit U family inet|inet6 filter input|output|input-list|output-list NAME
        int f = st.words.indexOf("filter");
        if (f >= 4 && st.is(f - 2, "family") && st.size() == f + 3) {
            String dir = st.word(f + 1);
            if (dir.startsWith("input") || dir.startsWith("output")) {
                String iface = st.word(1) + (st.is(2, "unit") ? "." + st.word(3) : "");
                filterUses.add(new FilterUse(st, iface, dir.startsWith("input"), st.word(f + 2)));
                keep(st, "a stateless filter on an interface that is in no security zone: no traffic the audit asks about crosses it");
                return;
            }
        }
        ignored(st, "interface settings (addresses, units, VLANs): the zones say which interfaces the policies see");
    }

    /** The statements of each firewall filter, by name. */
    final Map<String, List<SrxStatement>> filters = new LinkedHashMap<>();

    private void firewall(SrxStatement st) {
        int f = st.words.indexOf("filter");
        if (f > 0 && f + 1 < st.size()) filters.computeIfAbsent(st.word(f + 1), k -> new java.util.ArrayList<>()).add(st);
        keep(st, "a stateless firewall filter applied to no interface of a security zone: it filters nothing the audit asks about");
    }

    /** A firewall filter applied to an interface: read once the zones are known. */
    record FilterUse(SrxStatement st, String iface, boolean input, String filter) {}

    final List<FilterUse> filterUses = new java.util.ArrayList<>();

    private void routingInstance(SrxStatement st) {
        String name = st.word(1);
        if (name != null && st.is(2, "interface") && st.size() == 4) {
            cfg.routingInstances.computeIfAbsent(name, k -> new LinkedHashMap<>()).putIfAbsent(st.word(3), st);
            keep(st, "puts an interface in routing instance " + name + "; no NAT rule-set names the instance");
            return;
        }
        ignored(st, "routing instance settings: not about filtering");
    }

    private void scheduler(SrxStatement st) {
        if (st.is(1, "scheduler") && st.size() >= 3) {
            cfg.schedulers.computeIfAbsent(st.word(2), k -> new java.util.ArrayList<>()).add(st);
            keep(st, "a schedule that no policy the device applies uses");
            return;
        }
        ignored(st, "scheduler settings");
    }
}
