package io.lyncaudit.importer.fortigate;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.fortigate.FortiConfig.Entry;
import io.lyncaudit.importer.fortigate.FortiConfig.Table;
import io.lyncaudit.importer.fortigate.FortiObjects.Net;
import io.lyncaudit.importer.fortigate.FortiObjects.Part;
import io.lyncaudit.importer.fortigate.FortiObjects.Svc;
import io.lyncaudit.importer.fortigate.FortiTree.Node;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import io.lyncaudit.policy.Translation;
import io.lyncaudit.policy.Zones;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stage two: one VDOM's {@link FortiConfig} into the neutral policy. {@code config firewall policy}
 * becomes one first-match policy in the order the block lists the entries (not by id), ending in
 * the implicit deny; a disabled entry is left out, an entry without {@code set action} denies.
 * Interfaces and zones become the rules' zones; addresses, services, groups and VIPs are expanded
 * to packet sets. A VIP is applied as FortiOS applies it: before the policy lookup, so a policy
 * that does not name the VIP never sees its traffic (unless it is a deny with {@code match-vip}),
 * and the policy that names it matches the external address and port as the packet arrives, its
 * service compared with the mapped port, and carries the translation to the mapped server.
 *
 * <p>What cannot be modelled exactly becomes an uncertain rule: FQDN, wildcard-FQDN, geography and
 * dynamic addresses and services (read as nothing, may be anything), ICMP types (read as every
 * type), schedules other than {@code always}, users and groups, internet services, and settings
 * the importer does not know (read as they are, may match less). Every line of the VDOM gets its
 * verdict here.
 */
final class FortiConversions {

    /** Policy settings that decide which traffic the policy matches and are read. */
    private static final Set<String> MODELLED = Set.of("srcintf", "dstintf", "srcaddr", "dstaddr", "srcaddr6", "dstaddr6",
            "srcaddr-negate", "dstaddr-negate", "srcaddr6-negate", "dstaddr6-negate", "service", "service-negate", "action",
            "status", "schedule", "match-vip", "name", "uuid", "comments", "comment", "policyid", "global-label", "label");

    /**
     * Policy settings that narrow what the policy matches by something the audit does not model;
     * with one of these values they change nothing.
     */
    private static final Map<String, Set<String>> NARROWING = new HashMap<>();

    static {
        Set<String> off = Set.of("disable", "0", "0x00", "");
        for (String k : List.of("users", "groups", "fsso-groups", "fsso", "rsso", "ntlm", "internet-service", "internet-service-src",
                "internet-service6", "internet-service6-src", "internet-service-name", "internet-service-id", "internet-service-group",
                "internet-service-custom", "internet-service-custom-group", "internet-service-src-name", "internet-service-src-id",
                "internet-service-src-group", "internet-service-src-custom", "internet-service-src-custom-group", "internet-service6-name",
                "internet-service6-group", "internet-service6-custom", "internet-service6-custom-group", "internet-service6-src-name",
                "internet-service6-src-group", "internet-service6-src-custom", "internet-service6-src-custom-group", "application",
                "app-category", "app-group", "url-category", "src-vendor-mac", "vlan-filter", "sgt-check", "sgt", "ztna-status",
                "ztna-ems-tag", "ztna-ems-tag-secondary", "ztna-geo-tag", "reputation-minimum", "reputation-minimum6", "tos-mask",
                "policy-expiry", "devices", "device", "match-vip-only", "network-service-dynamic", "network-service-src-dynamic",
                "internet-service-fortiguard", "internet-service-src-fortiguard", "email-collect", "captive-portal-exempt", "dstaddr-type")) {
            NARROWING.put(k, off);
        }
    }

    /** Policy settings that do not change which traffic the policy matches, with why. */
    private static final Map<String, String> IGNORED = new HashMap<>();

    static {
        String log = "logging: does not change which traffic the policy matches";
        String utm = "a security profile: it inspects what the policy accepts; not modelled";
        String nat = "source NAT: changes the source of what the policy accepts, not which traffic it matches";
        String qos = "traffic shaping or marking: does not change which traffic the policy matches";
        String ses = "a session or offload setting: does not change which traffic the policy matches";
        for (String k : List.of("logtraffic", "logtraffic-start", "log-http-transaction", "capture-packet", "custom-log-fields")) IGNORED.put(k, log);
        for (String k : List.of("utm-status", "inspection-mode", "profile-type", "profile-group", "profile-protocol-options", "ssl-ssh-profile",
                "av-profile", "webfilter-profile", "dnsfilter-profile", "emailfilter-profile", "spamfilter-profile", "dlp-profile", "dlp-sensor",
                "file-filter-profile", "ips-sensor", "application-list", "voip-profile", "sctp-filter-profile", "icap-profile", "cifs-profile",
                "videofilter-profile", "waf-profile", "ssh-filter-profile", "casb-profile", "virtual-patch-profile", "diameter-filter-profile",
                "ips-voip-filter", "webproxy-profile", "webproxy-forward-server", "http-policy-redirect", "ssh-policy-redirect",
                "ztna-policy-redirect", "webcache", "webcache-https", "wccp", "wanopt", "wanopt-detection", "wanopt-passive-opt",
                "wanopt-profile", "wanopt-peer", "decrypted-traffic-mirror", "replacemsg-override-group", "block-notification", "disclaimer",
                "redirect-url", "scan-botnet-connections", "auth-cert", "auth-redirect-addr", "auth-path", "ztna-tags-match-logic",
                "ztna-device-ownership", "fsso-agent-for-ntlm", "ntlm-guest", "ntlm-enabled-browsers", "reputation-direction",
                "reputation-direction6", "internet-service-negate", "internet-service-src-negate", "internet-service6-negate",
                "internet-service6-src-negate", "tos", "tos-negate", "learning-mode", "nat64", "nat46", "ips-sensor-status", "dlp-sensor-status")) {
            IGNORED.put(k, utm);
        }
        for (String k : List.of("nat", "natip", "ippool", "poolname", "poolname6", "fixedport", "port-preserve", "permit-any-host",
                "permit-stun-host", "natinbound", "natoutbound", "inbound", "outbound", "rtp-nat", "rtp-addr", "pcp-outbound",
                "pcp-inbound", "pcp-poolname", "port-random", "central-nat")) {
            IGNORED.put(k, nat);
        }
        for (String k : List.of("traffic-shaper", "traffic-shaper-reverse", "per-ip-shaper", "vlan-cos-fwd", "vlan-cos-rev", "diffserv-forward",
                "diffserv-reverse", "diffservcode-forward", "diffservcode-rev", "diffserv-copy", "dynamic-shaping",
                "passive-wan-health-measurement", "app-monitor", "tcp-mss-sender", "tcp-mss-receiver", "srcaddr6-negate-dummy")) {
            IGNORED.put(k, qos);
        }
        for (String k : List.of("session-ttl", "timeout-send-rst", "anti-replay", "tcp-session-without-syn", "auto-asic-offload",
                "np-acceleration", "delay-tcp-npu-session", "schedule-timeout", "firewall-session-dirty", "send-deny-packet",
                "geoip-anycast", "geoip-match", "identity-based-route", "vpntunnel", "radius-mac-auth-bypass", "dsri", "policy-expiry-date",
                "policy-expiry-date-utc", "udp-timeout-pid", "tcp-timeout-pid", "cgn-session-quota", "cgn-resource-quota", "cgn-eif",
                "cgn-eim", "cgn-log-server-grp", "ntlm", "fec", "color")) {
            IGNORED.putIfAbsent(k, ses);
        }
    }

    /** Config blocks the importer does not read, with why (by path prefix); others are "not firewall policy". */
    private static final Map<String, String> BLOCKS = new LinkedHashMap<>();

    static {
        BLOCKS.put("firewall local-in-policy", "local-in policies filter traffic to the FortiGate itself, which the audit does not ask about");
        BLOCKS.put("firewall central-snat-map", "central source NAT: changes the source of permitted traffic, not which traffic is permitted");
        BLOCKS.put("firewall ippool", "IP pools: source NAT of permitted traffic");
        BLOCKS.put("firewall service category", "service categories group services in the GUI; they do not change what a service matches");
        BLOCKS.put("firewall shaping-policy", "traffic shaping: does not permit or deny");
        BLOCKS.put("firewall DoS-policy", "DoS policies drop traffic over anomaly thresholds (rates), which the audit does not model");
        BLOCKS.put("firewall multicast", "multicast policies and addresses: the audit asks about unicast flows");
        BLOCKS.put("firewall internet-service", "internet service database entries: read only where a policy names them");
        BLOCKS.put("firewall ssl", "SSL inspection settings: do not permit or deny");
        BLOCKS.put("firewall profile", "security profile groups: inspect what a policy accepts");
        BLOCKS.put("firewall vip6", "IPv6 virtual IPs are not modelled; a policy naming one is uncertain");
        BLOCKS.put("firewall vip46", "NAT46 virtual IPs are not modelled");
        BLOCKS.put("firewall vip64", "NAT64 virtual IPs are not modelled");
        BLOCKS.put("system interface", "interfaces: policies name them; their addresses do not decide what a policy matches");
        BLOCKS.put("system zone", "zones: read where a policy names a zone or one of its interfaces");
        BLOCKS.put("router", "routing: the audit takes the path from the deployment's interfaces");
    }

    private final FortiConfig cfg;
    private final FortiObjects objects;
    private final LineLedger ledger;
    private final String version;
    /** The converted policies' entries; the lines of everything else are marked at the end. */
    private final Map<Entry, String> policyVerdicts = new java.util.IdentityHashMap<>();
    private final List<NatRule> nat = new ArrayList<>();
    private List<Vip> vips;
    /** The VIP traffic of VIPs listening on every interface, and per external interface: what FortiOS translates before the lookup. */
    private PacketSet vipsAnyIf = PacketSet.EMPTY;
    private final Map<String, PacketSet> vipsByIf = new LinkedHashMap<>();
    /** Per external interface, the VIP traffic gone from it before the lookup: its VIPs' and those on every interface. */
    private final Map<String, PacketSet> goneByIf = new LinkedHashMap<>();
    /** The same VIPs in classes alike in all but their addresses ("any" for those on every interface). */
    private final Map<String, List<VipClass>> vipClasses = new LinkedHashMap<>();

    /** VIPs alike in protocol, source filter and ports: their pre-images differ only in the external address. */
    private record VipClass(IntervalSet protocols, IntervalSet srcFilter, boolean portforward, IntervalSet extport, IntervalSet mappedport,
                            List<Vip> members, IntervalSet allMapped, IntervalSet allExt) {}

    /** What the conversion made. */
    record Converted(List<Policy> policies, List<NatRule> nat) {}

    /** One neutral rule before it is numbered. */
    private record Made(String name, Action action, PacketSet match, PacketSet may, String why, Set<String> from, Set<String> to,
                        SourceRef source, Translation translation) {}

    /**
     * A VIP: the packets it translates as they arrive ({@code ext}: external address, protocol and
     * port, source filter), where it takes them, and why that reading may be off (null: exact).
     */
    private record Vip(Entry entry, String extintf, IntervalSet extip, IntervalSet mappedip, boolean portforward, IntervalSet protocols,
                       IntervalSet extport, IntervalSet mappedport, IntervalSet srcFilter, PacketSet ext, String why) {}

    FortiConversions(FortiConfig cfg, FortiConfig builtin, LineLedger ledger, String version) {
        this.cfg = cfg;
        this.ledger = ledger;
        this.version = version;
        this.objects = new FortiObjects(cfg, builtin);
    }

    Converted run() {
        vips = readVips();
        Map<String, List<Vip>> byIf = new LinkedHashMap<>();
        for (Vip v : vips) byIf.computeIfAbsent(v.extintf().equalsIgnoreCase("any") ? "any" : v.extintf(), k -> new ArrayList<>()).add(v);
        for (Map.Entry<String, List<Vip>> e : byIf.entrySet()) {
            if (e.getKey().equals("any")) vipsAnyIf = vipTraffic(e.getValue());
            else vipsByIf.put(e.getKey(), vipTraffic(e.getValue()));
            Map<List<Object>, List<Vip>> cls = new LinkedHashMap<>();
            for (Vip v : e.getValue()) {
                cls.computeIfAbsent(List.of(v.protocols(), v.srcFilter(), v.portforward(), v.extport(), v.mappedport()), k -> new ArrayList<>()).add(v);
            }
            List<VipClass> list = new ArrayList<>();
            for (List<Vip> m : cls.values()) {
                Vip f = m.get(0);
                IntervalSet mapped = IntervalSet.EMPTY, ext = IntervalSet.EMPTY;
                for (Vip v : m) {
                    mapped = mapped.union(v.mappedip());
                    ext = ext.union(v.extip());
                }
                list.add(new VipClass(f.protocols(), f.srcFilter(), f.portforward(), f.extport(), f.mappedport(), m, mapped, ext));
            }
            vipClasses.put(e.getKey(), list);
        }
        for (Map.Entry<String, PacketSet> e : vipsByIf.entrySet()) goneByIf.put(e.getKey(), vipsAnyIf.union(e.getValue()));
        boolean centralNat = "enable".equals(setting("system settings", "central-nat"));
        boolean ngfwPolicy = "policy-based".equals(setting("system settings", "ngfw-mode"));
        List<Policy> out = new ArrayList<>();
        if (centralNat && !vips.isEmpty()) out.add(centralNatStage());
        Table pol6 = cfg.table("firewall policy6");
        List<Made> rules = new ArrayList<>();
        if (ngfwPolicy) rules.addAll(ngfwPlaceholders());
        for (Entry p : cfg.policyOrder) rules.addAll(policy(p, pol6.entries.isEmpty() ? 0 : 4, centralNat));
        List<Made> intrazone = intrazone();
        rules.addAll(intrazone);
        Policy v4 = policy("firewall policy", rules);
        if (pol6.entries.isEmpty()) {
            out.add(v4);
        } else {
            // FortiOS 6.2 and earlier: IPv4 policies see IPv4 traffic only, policy6 IPv6 only
            out.add(v4.withScope(PacketSet.IPV4));
            List<Made> r6 = new ArrayList<>();
            for (Entry p : pol6.entries.values()) r6.addAll(policy(p, 6, centralNat));
            r6.addAll(intrazone);
            out.add(policy("firewall policy6", r6).withScope(PacketSet.IPV6));
        }
        for (Vip v : vips) {
            // each VIP in use is a static destination NAT; with central NAT the policies name the mapped address
            if (v.why() != null || !objects.used.contains(v.entry())) continue;
            nat.add(new NatRule(v.extip(), v.mappedip(), centralNat, SourceRef.line(ledger.file(), v.entry().line(), "edit " + v.entry().name)));
        }
        markLines(centralNat);
        return new Converted(out, nat);
    }

    /**
     * {@code set intrazone allow} on a zone: FortiOS accepts traffic between the zone's interfaces
     * once no policy matched it (policies come first, Fortinet's "Technical Tip: Information about
     * policy matching order when the intrazone setting is used"), so a permit after every policy. A
     * zone of one interface gets it from FortiOS 7.4.4 on ("Technical Tip: Block or allow intra-zone
     * traffic"); without a version in the header that is uncertain.
     */
    private List<Made> intrazone() {
        List<Made> out = new ArrayList<>();
        for (Entry z : cfg.table("system zone").entries.values()) {
            if (!"allow".equals(z.word("intrazone", "deny"))) continue;
            List<String> members = z.get("interface") == null ? List.of() : z.get("interface");
            if (members.isEmpty()) continue;
            String why = null;
            if (members.size() == 1) {
                if (version != null && compare(version, "7.4.4") < 0) {
                    for (int l : z.lines("intrazone")) {
                        ledger.ignored(l, "intrazone allow on a zone of one interface: FortiOS before 7.4.4 creates no accept for it");
                    }
                    continue;
                }
                if (version == null) {
                    why = "intrazone allow on zone " + z.name + " of one interface: FortiOS accepts it from 7.4.4 on, and the export "
                            + "does not say its version";
                    for (int l : z.lines("intrazone")) ledger.unsupported(l, why);
                }
            }
            Set<String> names = objects.names(z.name);
            SourceRef src = SourceRef.line(ledger.file(), z.line(), "edit " + z.name + ": intrazone allow (" + String.join(", ", members) + ")");
            String name = "intrazone allow (zone " + z.name + ")";
            if (vips.isEmpty()) {
                out.add(new Made(name, Action.PERMIT, PacketSet.ALL, PacketSet.ALL, why, names, names, src, null));
                continue;
            }
            // VIP traffic is translated before the lookup; whether intrazone allow then accepts it is not documented
            out.addAll(withoutVipTraffic(name, Action.PERMIT, PacketSet.ALL, PacketSet.ALL, why, names, names, src, false));
            PacketSet vipTraffic = vipsAnyIf;
            for (PacketSet v : vipsByIf.values()) vipTraffic = vipTraffic.union(v);
            out.add(new Made(name, Action.PERMIT, PacketSet.EMPTY, vipTraffic, "VIP traffic between the interfaces of zone " + z.name
                    + ": FortiOS translates it before the lookup, and whether intrazone allow then accepts it is not documented",
                    names, names, src, null));
        }
        return out;
    }

    private String setting(String block, String key) {
        Entry e = cfg.settings.get(block);
        return e == null ? null : e.word(key, null);
    }

    private Policy policy(String name, List<Made> made) {
        List<Rule> rules = new ArrayList<>();
        for (Made m : made) {
            Rule r = new Rule(rules.size() + 1, m.name(), m.action(), m.match(), m.from(), m.to(), m.source(), m.match(), null, m.translation());
            rules.add(m.why() == null ? r : r.withUncertainty(m.why(), m.may()));
        }
        return new Policy(name, PolicyKind.FIRST_MATCH, null, Action.DENY, rules);
    }

    // ---- policies --------------------------------------------------------------------------------

    /**
     * The neutral rules of one policy entry: one per VIP it names (the VIP's traffic, translated),
     * then its other traffic, split by the interfaces VIPs listen on (on a VIP's external interface
     * FortiOS has translated the VIP's traffic before the lookup, so the entry does not see it).
     *
     * @param family 0 for a policy of both families (FortiOS 6.4+), 4 or 6 for one of {@code policy}/{@code policy6} side by side
     */
    private List<Made> policy(Entry p, int family, boolean centralNat) {
        String status = p.word("status", "enable");
        if (status.equals("disable")) {
            policyVerdicts.put(p, "policy " + p.name + " is disabled (set status disable): FortiOS skips it");
            return List.of();
        }
        policyVerdicts.put(p, null);
        SourceRef src = source(p);
        String name = p.has("name") ? p.get("name").get(0) : p.name;
        List<String> why = new ArrayList<>();
        String actionWord = p.word("action", "deny");
        Action action = switch (actionWord) {
            case "accept" -> Action.PERMIT;
            case "ipsec" -> {
                why.add(flag(p, "action", "policy " + p.name + " accepts into the IPsec tunnel " + p.word("vpntunnel", "?")
                        + " (policy-based VPN): only traffic the tunnel carries is accepted", false));
                yield Action.PERMIT;
            }
            case "deny" -> Action.DENY;
            default -> {
                why.add(flag(p, "action", "action '" + actionWord + "' is unknown; read as deny", true));
                yield Action.DENY;
            }
        };
        // settings: known, narrowing, ignored or unknown
        for (String k : p.keys()) {
            if (MODELLED.contains(k)) continue;
            Set<String> off = NARROWING.get(k);
            if (off != null) {
                List<String> v = p.get(k);
                if (v == null || v.isEmpty() || (v.size() == 1 && off.contains(v.get(0).toLowerCase(Locale.ROOT)))) continue;
                why.add(flag(p, k, "set " + k + " " + String.join(" ", v) + " narrows the policy by something the audit does not model; "
                        + "the policy may match less", false));
                continue;
            }
            String ig = IGNORED.get(k);
            if (ig != null) {
                for (int l : p.lines(k)) ledger.ignored(l, ig);
                continue;
            }
            why.add(flag(p, k, "policy setting '" + k + "' is unknown to the importer; the policy may match less", true));
        }
        String schedule = p.has("schedule") && !p.get("schedule").isEmpty() ? p.get("schedule").get(0) : "always";
        if (!schedule.equals("always")) {
            Entry s = schedule(schedule);
            why.add(flag(p, "schedule", "schedule " + schedule + (s == null ? " is not defined" : "") + ": the policy matches only while "
                    + "it is active", s == null));
        }
        Set<String> from = zones(p, "srcintf", why), to = zones(p, "dstintf", why);
        if (p.nodes.stream().anyMatch(n -> n.endLine == 0)) {
            why.add("policy " + p.name + " is not closed by 'next' (a truncated file?): settings after its last line may narrow or disable it");
        }

        // address operands per family; the dstaddr members that are VIPs are read apart
        List<Vip> named = new ArrayList<>();
        Net s4 = null, d4 = null, s6 = null, d6 = null;
        if (family != 6) {
            s4 = addresses(p, "srcaddr", 4, null, why);
            d4 = addresses(p, "dstaddr", 4, family == 4 || family == 0 ? named : null, why);
        }
        if (family == 6) {
            s6 = addresses(p, "srcaddr", 6, null, why);
            d6 = addresses(p, "dstaddr", 6, null, why);
        } else if (family == 0 && (p.has("srcaddr6") || p.has("dstaddr6"))) {
            s6 = addresses(p, "srcaddr6", 6, null, why);
            d6 = addresses(p, "dstaddr6", 6, null, why);
        }
        // an internet service (FortiGuard's address and port lists) stands in for the destination, or the source, and the service
        boolean isdb = "enable".equals(p.word("internet-service", "disable")), isdbSrc = "enable".equals(p.word("internet-service-src", "disable"));
        if (isdb && d4 != null) d4 = new Net(IntervalSet.EMPTY, Addresses.ALL_V4, Set.of());
        if (isdbSrc && s4 != null) s4 = new Net(IntervalSet.EMPTY, Addresses.ALL_V4, Set.of());
        Svc svc = isdb && !p.has("service") ? new Svc(List.of(), List.of(new Part(Protocols.ALL, Ports.ALL, Ports.ALL, Addresses.ALL)), Set.of())
                : services(p, why);
        boolean svcNeg = "enable".equals(p.word("service-negate", "disable"));

        PacketSet match = PacketSet.EMPTY, may = PacketSet.EMPTY;
        boolean exact = svc.sure() == svc.may();
        if (s4 != null && d4 != null) {
            Net s = negate(p, "srcaddr-negate", s4, Addresses.ALL_V4), d = negate(p, "dstaddr-negate", d4, Addresses.ALL_V4);
            exact &= s.sure().equals(s.may()) && d.sure().equals(d.may());
            match = match.union(boxes(svc.sure(), svc.may(), svcNeg, true, s.sure(), d.sure()));
            may = may.union(boxes(svc.sure(), svc.may(), svcNeg, false, s.may(), d.may()));
        }
        if (s6 != null && d6 != null) {
            String sn = family == 6 ? "srcaddr-negate" : "srcaddr6-negate", dn = family == 6 ? "dstaddr-negate" : "dstaddr6-negate";
            Net s = negate(p, sn, s6, Addresses.ALL_V6), d = negate(p, dn, d6, Addresses.ALL_V6);
            exact &= s.sure().equals(s.may()) && d.sure().equals(d.may());
            match = match.union(boxes(svc.sure(), svc.may(), svcNeg, true, s.sure(), d.sure()));
            may = may.union(boxes(svc.sure(), svc.may(), svcNeg, false, s.may(), d.may()));
        }
        if (exact) may = match; // one object: the later steps compare by identity
        why.addAll(svc.why());
        if (s4 != null) why.addAll(s4.why());
        if (d4 != null) why.addAll(d4.why());
        if (s6 != null) why.addAll(s6.why());
        if (d6 != null) why.addAll(d6.why());

        List<Made> out = new ArrayList<>();
        // the VIPs the policy names: their traffic as it arrives, translated to the mapped server
        for (Vip v : named) {
            if (centralNat) {
                why.add(flag(p, "dstaddr", "VIP " + v.entry().name + " in a policy while central NAT is on; FortiOS refuses it", true));
                continue;
            }
            out.addAll(vipRules(p, name, action, v, s4, svc, svcNeg, from, to, why, src));
        }
        String reason = why.isEmpty() ? null : String.join("; ", new LinkedHashSet<>(why));
        if (match.isEmpty() && may.isEmpty()) return out;
        if (centralNat || vips.isEmpty()) {
            out.add(new Made(name, action, match, may, reason, from, to, src, null));
            return out;
        }
        // a deny with match-vip also sees VIP traffic, compared after the translation
        out.addAll(withoutVipTraffic(name, action, match, may, reason, from, to, src, action == Action.DENY && matchVip(p)));
        return out;
    }

    private Entry schedule(String name) {
        for (String t : List.of("firewall schedule recurring", "firewall schedule onetime", "firewall schedule group")) {
            Entry e = cfg.table(t).get(name);
            if (e != null) {
                objects.used.add(e);
                return e;
            }
        }
        return null;
    }

    /**
     * True when a deny policy also matches traffic a VIP translated: {@code set match-vip enable},
     * or, left unset, the default of its FortiOS version (enable from 7.2.3 on, disable before).
     */
    private boolean matchVip(Entry p) {
        if (p.has("match-vip")) return "enable".equals(p.word("match-vip", "disable"));
        return version != null && compare(version, "7.2.3") >= 0;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) return c;
        }
        return 0;
    }

    /** Marks the lines of setting {@code key} unsupported (or unrecognized) with {@code reason}, and returns it. */
    private String flag(Entry p, String key, String reason, boolean unrecognized) {
        for (int l : p.lines(key)) {
            if (unrecognized) ledger.unrecognized(l, reason);
            else ledger.unsupported(l, reason);
        }
        return reason;
    }

    /** The policy's edit line, with the settings that decide what it matches as its text. */
    private SourceRef source(Entry p) {
        StringBuilder t = new StringBuilder("edit ").append(p.name);
        if (p.has("name")) t.append(" \"").append(String.join(" ", p.get("name"))).append('"');
        t.append(':');
        for (String k : List.of("srcintf", "dstintf", "srcaddr", "dstaddr", "srcaddr6", "dstaddr6", "service", "action", "schedule")) {
            List<String> v = p.get(k);
            if (v != null && !(k.equals("schedule") && v.size() == 1 && v.get(0).equals("always"))) {
                t.append(' ').append(k).append(' ').append(String.join(",", v)).append(';');
            }
        }
        if (!p.has("action")) t.append(" (no action: deny);");
        for (String k : List.of("srcaddr-negate", "dstaddr-negate", "service-negate", "match-vip")) {
            if (p.has(k)) t.append(' ').append(k).append(' ').append(p.word(k, "")).append(';');
        }
        String text = t.charAt(t.length() - 1) == ';' ? t.substring(0, t.length() - 1) : t.toString();
        return SourceRef.line(ledger.file(), p.line(), LineLedger.clip(text));
    }

    /** The zones of srcintf or dstintf: empty for "any"; a zone stands for its interfaces too. */
    private Set<String> zones(Entry p, String key, List<String> why) {
        List<String> v = p.get(key);
        if (v == null || v.isEmpty()) {
            why.add("policy " + p.name + " has no " + key + "; FortiOS requires one, so the entry may be incomplete: read as any interface");
            for (int l : p.lines(key.equals("srcintf") ? "srcintf" : "dstintf")) ledger.unrecognized(l, "empty " + key);
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String n : v) {
            if (n.equalsIgnoreCase("any")) return Set.of();
            out.addAll(objects.names(n));
        }
        return out;
    }

    /**
     * An address operand of family 4 or 6; VIPs and VIP groups among {@code dstaddr} go to {@code vipsOut}
     * (when it is null they are not allowed there). What is not defined is unrecognized and may be any address.
     */
    private Net addresses(Entry p, String key, int family, List<Vip> vipsOut, List<String> why) {
        List<String> names = p.get(key);
        IntervalSet all = family == 4 ? Addresses.ALL_V4 : Addresses.ALL_V6;
        if (names == null || names.isEmpty()) return Net.exact(IntervalSet.EMPTY);
        List<IntervalSet> sure = new ArrayList<>(), may = new ArrayList<>();
        Set<String> w = new LinkedHashSet<>();
        for (String n : names) {
            Net a;
            try {
                a = objects.address(n, family);
            } catch (IllegalArgumentException x) {
                String r = x.getMessage() + "; it may match any address";
                for (int l : p.lines(key)) ledger.unrecognized(l, r);
                sure.add(IntervalSet.EMPTY);
                may.add(all);
                w.add(r);
                continue;
            }
            if (a == null && vipsOut != null) {
                List<Vip> vs = vipsNamed(n);
                if (vs != null) {
                    vipsOut.addAll(vs);
                    continue;
                }
            }
            if (a == null) {
                String r = "address " + n + " is not defined; it may match any IPv" + family + " address";
                for (int l : p.lines(key)) ledger.unrecognized(l, r);
                sure.add(IntervalSet.EMPTY);
                may.add(all);
                w.add(r);
                continue;
            }
            for (String r : a.why()) for (int l : p.lines(key)) ledger.unsupported(l, r);
            sure.add(a.sure());
            may.add(a.may());
            w.addAll(a.why());
        }
        IntervalSet s = IntervalSet.unionOf(sure);
        may.add(s);
        return new Net(s, IntervalSet.unionOf(may), w);
    }

    private Net negate(Entry p, String key, Net n, IntervalSet universe) {
        if (!"enable".equals(p.word(key, "disable"))) return n;
        return new Net(universe.subtract(n.may()), universe.subtract(n.sure()), n.why());
    }

    private Svc services(Entry p, List<String> why) {
        List<String> names = p.get("service");
        if (names == null || names.isEmpty()) {
            String r = "policy " + p.name + " names no service; FortiOS requires one: read as none, it may be any";
            why.add(r);
            return new Svc(List.of(), List.of(new Part(Protocols.ALL, Ports.ALL, Ports.ALL, Addresses.ALL)), Set.of());
        }
        List<Part> sure = new ArrayList<>(), may = new ArrayList<>();
        Set<String> w = new LinkedHashSet<>();
        boolean exact = true;
        for (String n : names) {
            Svc s;
            try {
                s = objects.service(n);
                if (s == null) throw new IllegalArgumentException("service " + n + " is not defined");
            } catch (IllegalArgumentException x) {
                String r = x.getMessage() + "; it may be any protocol and port";
                for (int l : p.lines("service")) ledger.unrecognized(l, r);
                may.add(new Part(Protocols.ALL, Ports.ALL, Ports.ALL, Addresses.ALL));
                w.add(r);
                exact = false;
                continue;
            }
            for (String r : s.why()) for (int l : p.lines("service")) ledger.unsupported(l, r);
            sure.addAll(s.sure());
            may.addAll(s.may());
            exact &= s.sure() == s.may();
            w.addAll(s.why());
        }
        if (exact) return new Svc(sure, sure, w);
        may.addAll(sure);
        return new Svc(sure, may, w);
    }

    /**
     * Source × destination × service as a packet set; with {@code negate} the service is every
     * packet it does not match ({@code sureSide}: the reading that surely matches, else the bound).
     */
    private static PacketSet boxes(List<Part> sure, List<Part> may, boolean negate, boolean sureSide, IntervalSet src, IntervalSet dst) {
        if (src.isEmpty() || dst.isEmpty()) return PacketSet.EMPTY;
        if (!negate) return serviceSet(sureSide ? sure : may, src, dst);
        PacketSet all = PacketSet.of(new PacketBox(Protocols.ALL, src, dst, Ports.ALL, Ports.ALL));
        return all.subtract(serviceSet(sureSide ? may : sure, src, dst));
    }

    private static PacketSet serviceSet(List<Part> parts, IntervalSet src, IntervalSet dst) {
        // parts alike but in their destination ports make one box: few boxes, few overlaps to resolve
        Map<List<IntervalSet>, IntervalSet> merged = new LinkedHashMap<>();
        for (Part pt : parts) {
            boolean ported = pt.protocols().intersect(PORTED).equals(pt.protocols());
            merged.merge(List.of(pt.protocols(), ported ? pt.sourcePorts() : Ports.ALL, pt.destinations()),
                    ported ? pt.destinationPorts() : Ports.ALL, IntervalSet::union);
        }
        List<PacketBox> boxes = new ArrayList<>(merged.size());
        for (Map.Entry<List<IntervalSet>, IntervalSet> e : merged.entrySet()) {
            List<IntervalSet> k = e.getKey();
            PacketBox b = new PacketBox(k.get(0), src, dst.intersect(k.get(2)), k.get(1), e.getValue());
            if (!b.isEmpty()) boxes.add(b);
        }
        return boxes.size() == 1 ? PacketSet.of(boxes.get(0)) : PacketSet.union(boxes);
    }

    private static final IntervalSet PORTED = Protocols.PORTED;

    // ---- VIPs ------------------------------------------------------------------------------------

    private List<Vip> readVips() {
        List<Vip> out = new ArrayList<>();
        for (Entry e : cfg.table("firewall vip").entries.values()) {
            Vip v = vip(e);
            if (v != null) out.add(v);
        }
        return out;
    }

    /** The VIPs a dstaddr name stands for (a VIP or a VIP group), or null when it is neither. */
    private List<Vip> vipsNamed(String n) {
        for (Vip v : vips) {
            if (v.entry().name.equals(n)) {
                objects.used.add(v.entry());
                return List.of(v);
            }
        }
        Entry g = cfg.table("firewall vipgrp").get(n);
        if (g == null) return null;
        objects.used.add(g);
        List<Vip> out = new ArrayList<>();
        for (String m : g.get("member") == null ? List.<String>of() : g.get("member")) {
            boolean found = false;
            for (Vip v : vips) {
                if (v.entry().name.equals(m)) {
                    objects.used.add(v.entry());
                    out.add(v);
                    found = true;
                }
            }
            if (!found) for (int l : g.lines("member")) ledger.unrecognized(l, "VIP " + m + " (in group " + n + ") is not defined");
        }
        return out;
    }

    /** Reads a VIP; one that cannot be read is unrecognized and null. */
    private Vip vip(Entry e) {
        try {
            String type = e.word("type", "static-nat");
            List<String> why = new ArrayList<>();
            if (!type.equals("static-nat")) {
                why.add(flagVip(e, "type", "VIP " + e.name + " is of type " + type + ", which the importer does not model: where it takes "
                        + "the traffic is not read"));
            }
            IntervalSet ext = range(e.word("extip", null), "extip");
            String extintf = e.has("extintf") && !e.get("extintf").isEmpty() ? e.get("extintf").get(0) : "any";
            List<String> mapped = e.get("mappedip");
            IntervalSet map = IntervalSet.EMPTY;
            for (String m : mapped == null ? List.<String>of() : mapped) map = map.union(range(m, "mappedip"));
            if (map.isEmpty() && type.equals("static-nat")) throw new IllegalArgumentException("VIP " + e.name + " has no mappedip");
            boolean pf = "enable".equals(e.word("portforward", "disable"));
            IntervalSet protos = Protocols.ALL, extport = Ports.ALL, mappedport = Ports.ALL;
            if (pf) {
                String proto = e.word("protocol", "tcp");
                protos = switch (proto) {
                    case "tcp" -> Protocols.TCP_SET;
                    case "udp" -> Protocols.UDP_SET;
                    case "sctp" -> FortiObjects.SCTP;
                    case "icmp" -> IntervalSet.point(Protocols.ICMP);
                    default -> throw new IllegalArgumentException("VIP " + e.name + ": protocol '" + proto + "' is unknown");
                };
                if (!proto.equals("icmp")) {
                    extport = portSetting(e, "extport", null);
                    mappedport = portSetting(e, "mappedport", extport);
                    if (!mappedport.size().equals(BigInteger.ONE) && !mappedport.size().equals(extport.size())) {
                        throw new IllegalArgumentException("VIP " + e.name + ": mappedport " + Ports.format(mappedport)
                                + " is neither one port nor as many as extport " + Ports.format(extport));
                    }
                }
            }
            if (e.has("service") && !e.get("service").isEmpty()) {
                why.add(flagVip(e, "service", "VIP " + e.name + " forwards by service (set service), which the importer does not model: "
                        + "read as every protocol and port"));
            }
            IntervalSet filter = Addresses.ALL;
            if (e.has("src-filter") && !e.get("src-filter").isEmpty()) {
                filter = IntervalSet.EMPTY;
                for (String f : e.get("src-filter")) filter = filter.union(Addresses.parse(f));
            }
            PacketSet extSet = PacketSet.of(new PacketBox(protos, filter, ext, Ports.ALL, extport));
            if (ext.size().compareTo(BigInteger.ONE) > 0 && !ext.size().equals(map.size()) && !map.size().equals(BigInteger.ONE)) {
                throw new IllegalArgumentException("VIP " + e.name + ": extip " + Addresses.format(ext) + " and mappedip "
                        + Addresses.format(map) + " differ in size");
            }
            return new Vip(e, extintf, ext, map, pf, protos, extport, mappedport, filter, extSet, why.isEmpty() ? null : String.join("; ", why));
        } catch (IllegalArgumentException x) {
            for (int l : e.allLines()) ledger.unrecognized(l, x.getMessage().startsWith("VIP") ? x.getMessage() : "VIP " + e.name + ": " + x.getMessage());
            return null;
        }
    }

    private String flagVip(Entry e, String key, String reason) {
        for (int l : e.lines(key)) ledger.unsupported(l, reason);
        return reason;
    }

    private static IntervalSet range(String text, String what) {
        if (text == null) throw new IllegalArgumentException(what + " is not set");
        IntervalSet r = Addresses.parse(text);
        if (!Addresses.ALL_V4.containsAll(r)) throw new IllegalArgumentException(what + " '" + text + "' is not IPv4");
        return r;
    }

    private static IntervalSet portSetting(Entry e, String key, IntervalSet dflt) {
        String t = e.word(key, null);
        if (t == null) {
            if (dflt == null) throw new IllegalArgumentException("VIP " + e.name + ": portforward needs " + key);
            return dflt;
        }
        return Ports.parseRange(t);
    }

    /**
     * The external ports whose mapped port is in {@code mapped}: with port forwarding, a range
     * maps its first port to the first mapped port and so on, and every external port goes to a
     * single mapped port; without it, the ports themselves.
     */
    private static IntervalSet externalPorts(boolean portforward, IntervalSet extport, IntervalSet mappedport, IntervalSet mapped) {
        if (!portforward || extport.equals(Ports.ALL)) return mapped;
        IntervalSet onMapped = mapped.intersect(mappedport);
        if (onMapped.isEmpty()) return IntervalSet.EMPTY;
        if (mappedport.size().equals(BigInteger.ONE)) return extport;
        return shift(onMapped, extport.startLong(0) - mappedport.startLong(0)).intersect(extport);
    }

    /** {@code ports} moved by {@code delta} (a port-forward range maps its first port to the first mapped port, and so on). */
    private static IntervalSet shift(IntervalSet ports, long delta) {
        List<IntervalSet> out = new ArrayList<>();
        for (int i = 0; i < ports.intervalCount(); i++) out.add(IntervalSet.of(ports.startLong(i) + delta, ports.endLong(i) + delta));
        return IntervalSet.unionOf(out);
    }

    /**
     * The packets that arrive for VIP {@code v} and that a policy matching {@code svc} (compared
     * with the packet after the translation) from {@code src} takes: external address, the external
     * ports whose mapped port the service holds.
     */
    private PacketSet vipArrivals(Vip v, List<Part> parts, boolean negate, IntervalSet src) {
        IntervalSet s = src.intersect(v.srcFilter());
        if (s.isEmpty()) return PacketSet.EMPTY;
        // the translated packets the service admits, to the mapped servers
        PacketSet after = boxes(parts, parts, negate, true, s, v.mappedip());
        List<PacketBox> out = new ArrayList<>();
        for (PacketBox b : after.boxes()) {
            IntervalSet protos = b.protocols().intersect(v.protocols());
            if (protos.isEmpty()) continue;
            IntervalSet dports = externalPorts(v.portforward(), v.extport(), v.mappedport(), b.destinationPorts());
            if (dports.isEmpty()) continue;
            out.add(new PacketBox(protos, b.sources(), v.extip(), b.sourcePorts(), dports));
        }
        return PacketSet.union(out);
    }

    private List<Made> vipRules(Entry p, String name, Action action, Vip v, Net s4, Svc svc, boolean svcNeg, Set<String> from,
                                Set<String> to, List<String> policyWhy, SourceRef src) {
        IntervalSet sSure = s4 == null ? IntervalSet.EMPTY : negate(p, "srcaddr-negate", s4, Addresses.ALL_V4).sure();
        IntervalSet sMay = s4 == null ? IntervalSet.EMPTY : negate(p, "srcaddr-negate", s4, Addresses.ALL_V4).may();
        PacketSet match = vipArrivals(v, svcNeg ? svc.may() : svc.sure(), svcNeg, sSure);
        PacketSet may = vipArrivals(v, svcNeg ? svc.sure() : svc.may(), svcNeg, sMay).union(match);
        List<String> why = new ArrayList<>(policyWhy);
        if (v.why() != null) {
            why.add(v.why());
            may = may.union(PacketSet.of(new PacketBox(Protocols.ALL, sMay.intersect(v.srcFilter()), v.extip(), Ports.ALL, Ports.ALL)));
        }
        Set<String> f = from;
        if (!v.extintf().equalsIgnoreCase("any")) {
            f = Zones.meet(from, objects.names(v.extintf()));
            if (f == null) return List.of(); // the policy's source interfaces are not where the VIP listens
        }
        Translation t = null;
        if (action == Action.PERMIT && v.why() == null) {
            IntervalSet dst = IntervalSet.of(v.mappedip().start(0), v.mappedip().start(0));
            if (!v.mappedip().size().equals(BigInteger.ONE)) {
                why.add("VIP " + v.entry().name + " maps " + Addresses.format(v.extip()) + " to " + Addresses.format(v.mappedip())
                        + " one address to one address; the translation is read as the first, " + Addresses.format(dst));
            }
            IntervalSet port = null;
            if (v.portforward() && !v.mappedport().equals(v.extport()) && !v.extport().equals(Ports.ALL)) {
                port = IntervalSet.point(v.mappedport().startLong(0));
                if (!v.mappedport().size().equals(BigInteger.ONE)) {
                    why.add("VIP " + v.entry().name + " maps ports " + Ports.format(v.extport()) + " to " + Ports.format(v.mappedport())
                            + " one to one; the translation is read as the first, " + Ports.format(port));
                }
            }
            t = new Translation(dst, port, false);
        }
        if (match.isEmpty() && may.isEmpty()) return List.of();
        String reason = why.isEmpty() ? null : String.join("; ", new LinkedHashSet<>(why));
        return List.of(new Made(name + " (VIP " + v.entry().name + ")", action, match, may, reason, f, to, src, t));
    }

    /**
     * The traffic of the VIPs of {@code classes} whose translated packet falls in {@code after}:
     * what a deny with match-vip also takes. Per box of {@code after} and class of VIPs, one box:
     * the external addresses of the class's VIPs whose mapped address the box holds.
     */
    private static PacketSet vipPreimage(PacketSet after, List<VipClass> classes) {
        if (after.isEmpty() || classes.isEmpty()) return PacketSet.EMPTY;
        List<PacketBox> out = new ArrayList<>();
        for (PacketBox b : after.boxes()) {
            for (VipClass c : classes) {
                if (!b.destinations().intersects(c.allMapped())) continue;
                IntervalSet protos = b.protocols().intersect(c.protocols());
                if (protos.isEmpty()) continue;
                IntervalSet src = b.sources().intersect(c.srcFilter());
                if (src.isEmpty()) continue;
                IntervalSet dports = externalPorts(c.portforward(), c.extport(), c.mappedport(), b.destinationPorts());
                if (dports.isEmpty()) continue;
                IntervalSet ext = c.allExt();
                if (!b.destinations().containsAll(c.allMapped())) {
                    ext = IntervalSet.EMPTY;
                    for (Vip v : c.members()) if (b.destinations().intersects(v.mappedip())) ext = ext.union(v.extip());
                }
                out.add(new PacketBox(protos, src, ext, b.sourcePorts(), dports));
            }
        }
        return PacketSet.union(out);
    }

    /** The packets of VIPs as they arrive, VIPs alike in protocol, source filter and ports sharing one box. */
    private static PacketSet vipTraffic(List<Vip> vs) {
        Map<List<IntervalSet>, IntervalSet> boxes = new LinkedHashMap<>();
        for (Vip v : vs) boxes.merge(List.of(v.protocols(), v.srcFilter(), v.extport()), v.extip(), IntervalSet::union);
        List<PacketBox> out = new ArrayList<>(boxes.size());
        for (Map.Entry<List<IntervalSet>, IntervalSet> e : boxes.entrySet()) {
            List<IntervalSet> k = e.getKey();
            out.add(new PacketBox(k.get(0), k.get(1), e.getValue(), Ports.ALL, k.get(2)));
        }
        return PacketSet.union(out);
    }

    /**
     * The rule without the traffic VIPs translate before the lookup: on a VIP's external interface
     * its packets are gone; one piece per such interface, and one for every other interface.
     */
    private List<Made> withoutVipTraffic(String name, Action action, PacketSet match, PacketSet may, String reason,
                                         Set<String> from, Set<String> to, SourceRef src, boolean matchVip) {
        PacketSet anyIf = vipsAnyIf;
        Map<String, PacketSet> byIf = vipsByIf;
        List<Made> out = new ArrayList<>();
        Set<String> rest = new LinkedHashSet<>(from);
        for (Map.Entry<String, PacketSet> e : byIf.entrySet()) {
            Set<String> names = objects.names(e.getKey());
            for (String n : names) rest.add("!" + n);
            Set<String> f = Zones.meet(from, names);
            if (f == null) continue;
            PacketSet gone = goneByIf.get(e.getKey());
            PacketSet m = minus(match, gone), y = may == match ? m : minus(may, gone);
            if (matchVip) {
                List<VipClass> cls = new ArrayList<>(vipClasses.getOrDefault("any", List.of()));
                cls.addAll(vipClasses.get(e.getKey()));
                PacketSet pm = vipPreimage(match, cls);
                m = m.union(pm);
                y = may == match ? m : y.union(vipPreimage(may, cls));
            }
            if (!m.isEmpty() || !y.isEmpty()) out.add(new Made(name, action, m, y == m ? m : y.union(m), reason, f, to, src, null));
        }
        // the other interfaces: none left when every interface the policy names listens for a VIP
        boolean none = !from.isEmpty() && from.stream().allMatch(z -> rest.contains("!" + z));
        PacketSet m = minus(match, anyIf), y = may == match ? m : minus(may, anyIf);
        if (matchVip && vipClasses.containsKey("any")) {
            PacketSet pm = vipPreimage(match, vipClasses.get("any"));
            m = m.union(pm);
            y = may == match ? m : y.union(vipPreimage(may, vipClasses.get("any")));
        }
        if (!none && (!m.isEmpty() || !y.isEmpty())) {
            out.add(new Made(name, action, m, y == m ? m : y.union(m), reason, byIf.isEmpty() ? from : rest, to, src, null));
        }
        return out;
    }

    /** {@code a} without {@code b}, cheaply when they do not meet. */
    private PacketSet minus(PacketSet a, PacketSet b) {
        if (a.isEmpty() || b.isEmpty()) return a;
        PacketBox bb = bounds.computeIfAbsent(b, PacketSet::bounds);
        boolean meet = false;
        for (PacketBox x : a.boxes()) meet |= x.intersects(bb) && b.intersects(x);
        return meet ? a.subtract(b) : a;
    }

    /** The bounds of the few VIP sets {@link #minus} takes away, computed once. */
    private final Map<PacketSet, PacketBox> bounds = new java.util.IdentityHashMap<>();

    /** Central NAT: every VIP translates what it matches before any policy, as a stage of its own. */
    private Policy centralNatStage() {
        List<Rule> rules = new ArrayList<>();
        for (Vip v : vips) {
            objects.used.add(v.entry());
            Set<String> f = v.extintf().equalsIgnoreCase("any") ? Set.of() : objects.names(v.extintf());
            SourceRef src = SourceRef.line(ledger.file(), v.entry().line(), "edit " + v.entry().name);
            IntervalSet port = v.portforward() && !v.mappedport().equals(v.extport()) && !v.extport().equals(Ports.ALL)
                    ? IntervalSet.point(v.mappedport().startLong(0)) : null;
            Rule r = new Rule(rules.size() + 1, "VIP " + v.entry().name, Action.PERMIT, v.ext(), f, Set.of(), src, v.ext(), null,
                    v.why() == null ? new Translation(IntervalSet.of(v.mappedip().start(0), v.mappedip().start(0)), port, false) : null);
            List<String> why = new ArrayList<>();
            if (v.why() != null) why.add(v.why());
            if (!v.mappedip().size().equals(BigInteger.ONE)) why.add("VIP " + v.entry().name + " maps a range one to one; read as its first address");
            if (port != null && !v.mappedport().size().equals(BigInteger.ONE)) why.add("VIP " + v.entry().name + " maps a port range; read as its first port");
            rules.add(why.isEmpty() ? r : r.withUncertainty(String.join("; ", why), v.ext()));
        }
        return new Policy("central NAT (VIPs)", PolicyKind.FIRST_MATCH, null, Action.PERMIT, rules);
    }

    /** NGFW policy-based mode: security policies decide, and they are not modelled; two stand-ins make every verdict uncertain. */
    private List<Made> ngfwPlaceholders() {
        Table t = cfg.table("firewall security-policy");
        int line = cfg.settings.get("system settings").lines("ngfw-mode").get(0);
        SourceRef src = SourceRef.line(ledger.file(), line, ledger.text(line));
        ledger.unsupported(line, "NGFW policy-based mode: 'config firewall security-policy' decides what passes, and it is not modelled; "
                + "every verdict is uncertain");
        String why = "NGFW policy-based mode: the security policies (not modelled) may permit or deny any packet";
        return List.of(new Made("security-policy", Action.PERMIT, PacketSet.EMPTY, PacketSet.ALL, why, Set.of(), Set.of(), src, null),
                new Made("security-policy", Action.DENY, PacketSet.EMPTY, PacketSet.ALL, why, Set.of(), Set.of(), src, null));
    }

    // ---- line verdicts ---------------------------------------------------------------------------

    private void markLines(boolean centralNat) {
        for (Map.Entry<Entry, Integer> d : cfg.deleted.entrySet()) {
            for (int l : d.getKey().allLines()) ledger.ignored(l, "deleted by the 'delete' at line " + d.getValue());
        }
        for (Table t : cfg.tables.values()) {
            boolean any = false;
            for (Entry e : t.entries.values()) {
                any |= mark(t, e, centralNat);
            }
            for (int l : t.frameLines) {
                if (any) ledger.used(l);
                else ledger.ignored(l, "config " + t.path + ": nothing in it is used by an enabled policy");
            }
        }
        for (Node b : cfg.others) {
            String why = null;
            for (Map.Entry<String, String> e : BLOCKS.entrySet()) if (b.name.startsWith(e.getKey())) why = e.getValue();
            if (b.name.equals("firewall security-policy")) {
                List<Integer> ls = new ArrayList<>();
                b.lines(ls);
                for (int l : ls) ledger.unsupported(l, "NGFW security policies are not modelled");
                continue;
            }
            if (b.name.equals("system settings")) {
                why = "VDOM settings: read for central-nat and ngfw-mode; the rest does not decide what a policy matches";
            }
            FortiConfig.markAll(b, ledger, why != null ? why : "config " + b.name + ": not firewall policy");
        }
    }

    private boolean readVip(Entry e) {
        for (Vip v : vips) if (v.entry() == e) return true;
        return false;
    }

    /** Gives the lines of one entry their verdict; true when it is used. */
    private boolean mark(Table t, Entry e, boolean centralNat) {
        if (t.path.equals("firewall policy") || t.path.equals("firewall policy6")) {
            if (!policyVerdicts.containsKey(e)) return false;
            String why = policyVerdicts.get(e);
            for (int l : e.allLines()) {
                if (why != null) ledger.ignored(l, why);
                else if (!ledger.has(l)) ledger.used(l);
            }
            return why == null;
        }
        if (objects.used.contains(e) || (t.path.equals("firewall vip") && readVip(e))) {
            // a VIP translates its traffic before the lookup whether a policy names it or not: no other policy sees that traffic
            for (int l : e.allLines()) ledger.used(l);
            return true;
        }
        String kind = switch (t.path) {
            case "system zone" -> "zone";
            case "firewall vip", "firewall vipgrp" -> "VIP";
            case "firewall service custom", "firewall service group" -> "service";
            case "firewall schedule recurring", "firewall schedule onetime", "firewall schedule group" -> "schedule";
            default -> "address";
        };
        String why = kind.equals("zone") ? "zone " + e.name + " is named by no enabled policy"
                : kind + " " + e.name + " is named by no enabled policy: it filters nothing";
        for (int l : e.allLines()) ledger.ignored(l, why);
        return false;
    }
}
