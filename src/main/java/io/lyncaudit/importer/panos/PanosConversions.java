package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.panos.PanObjects.AppL4;
import io.lyncaudit.importer.panos.PanObjects.L4;
import io.lyncaudit.importer.panos.PanObjects.Side;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import io.lyncaudit.policy.Translation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage two: the {@link PanNode} tree into the neutral policy. A firewall is two stages on the
 * forward path, in the order the audit needs them: the security policy, evaluated on the packet
 * as it arrives (pre-NAT addresses, with the post-NAT destination zone as the audit's egress
 * zone), then the NAT policy, whose destination translations show where the traffic goes (its
 * default passes untranslated traffic; NAT never drops).
 *
 * <p>The security policy holds, in order: Panorama's pre-rules (shared, then each device group
 * from the top of the hierarchy down), the vsys's own rules, the post-rules (device groups from
 * the bottom up, then shared), then the predefined {@code intrazone-default} (allow, one rule per
 * zone) and {@code interzone-default} (deny, the policy's default), as {@code
 * default-security-rules} may override them. A multi-vsys firewall's zones are named
 * {@code VSYS/ZONE} and each vsys's rules and defaults apply between its own zones only.
 *
 * <p>A NAT rule's destination zone is the zone of the route to the original destination. The
 * audit's egress zone is the zone after translation, so it cannot stand for it: the NAT stage
 * does not restrict by zone, and instead restricts a rule's destinations to those that the
 * export's own interfaces and static routes send to its {@code to} zones ({@link PanRouting}).
 * Where the routes cannot tell (dynamic routing, DHCP, PBF, a Panorama export), the rule is read
 * for any destination zone and marked uncertain with the reason.
 */
final class PanosConversions {
    private static final Set<String> RULE_LABELS = Set.of("description", "tag", "group-tag", "log-start", "log-end", "log-setting",
            "log-type", "profile-setting", "option", "qos", "icmp-unreachable", "uuid", "audit-comment", "marking");
    private static final Set<String> NARROWING = Set.of("source-user", "category", "hip-profiles", "source-hip", "destination-hip",
            "source-imei", "source-imsi", "source-nw-slice", "source-device", "destination-device");
    private static final Set<String> DENY_ACTIONS = Set.of("deny", "drop", "reset-client", "reset-server", "reset-both");

    /** The outcome: the stages and the static translations. */
    /** The stages, the NAT pairs, and the zones the export defines (qualified {@code VSYS/ZONE} with several vsys). */
    record Converted(List<Policy> policies, List<NatRule> nat, Set<String> zones) {}

    /** A rulebase and the scope whose objects its rules name. */
    private record Rulebase(PanNode node, PanNode scope) {}

    /** One set of rules the firewall applies between its zones: a vsys, or what Panorama gives a device. */
    private static final class Context {
        String vsys;
        PanNode scope;
        final List<Rulebase> rulebases = new ArrayList<>();
        final Set<String> defined = new LinkedHashSet<>();
        final Set<String> known = new LinkedHashSet<>();
        final Map<String, String> zoneOf = new LinkedHashMap<>();
        PanRouting routing;
        String appOverride;
    }

    private final PanNode doc;
    private final PanLedger ledger;
    private final PanObjects objects;
    private final String file;
    private boolean qualify;
    private int index;
    private final List<NatRule> natRules = new ArrayList<>();
    private final Set<PanNode> scopes = new LinkedHashSet<>();

    private PanosConversions(PanNode doc, PanLedger ledger) {
        this.doc = doc;
        this.ledger = ledger;
        this.objects = new PanObjects(ledger);
        this.file = ledger.file();
    }

    static Converted convert(PanNode doc, PanLedger ledger) throws BadInputException {
        return new PanosConversions(doc, ledger).run();
    }

    // ---- structure ----------------------------------------------------------------------------

    private static PanNode findTop(PanNode n, String name, int depth) {
        for (PanNode c : n.children()) if (c.name.equals(name)) return c;
        if (depth == 0) return null;
        for (PanNode c : n.children()) {
            PanNode f = findTop(c, name, depth - 1);
            if (f != null) return f;
        }
        return null;
    }

    private Converted run() throws BadInputException {
        PanNode config = findTop(doc, "config", 3);
        PanNode policy = findTop(doc, "policy", 3);
        PanNode shared = config == null ? null : config.child("shared");
        List<PanNode> pushed = new ArrayList<>();
        if (config != null && config.child("panorama") != null) pushed.add(config.child("panorama"));
        if (policy != null && policy.child("panorama") != null) pushed.add(policy.child("panorama"));
        List<PanNode> vsys = new ArrayList<>(), groups = new ArrayList<>();
        PanNode network = null;
        if (config != null && config.child("devices") != null) {
            for (PanNode dev : config.child("devices").entries()) {
                if (dev.child("vsys") != null) vsys.addAll(dev.child("vsys").entries());
                if (dev.child("device-group") != null) groups.addAll(dev.child("device-group").entries());
                if (network == null) network = dev.child("network");
            }
        }
        if (policy != null && policy.child("vsys") != null) vsys.addAll(policy.child("vsys").entries());

        List<PanNode> tail = new ArrayList<>(pushed);
        if (shared != null) tail.add(shared);
        if (shared != null) declare(shared, List.of(shared));
        for (PanNode p : pushed) declare(p, shared == null ? List.of(p) : List.of(p, shared));

        List<Context> contexts = new ArrayList<>();
        if (!vsys.isEmpty()) {
            for (PanNode v : vsys) {
                List<PanNode> chain = new ArrayList<>();
                chain.add(v);
                chain.addAll(tail);
                declare(v, chain);
                Context cx = new Context();
                cx.vsys = v.entry;
                cx.scope = v;
                for (PanNode p : pushed) addRulebase(cx, p, "pre-rulebase");
                addRulebase(cx, v, "rulebase");
                for (int i = pushed.size() - 1; i >= 0; i--) addRulebase(cx, pushed.get(i), "post-rulebase");
                contexts.add(cx);
            }
            for (PanNode g : groups) {
                ledger.ignoredTree(g, "a device group in a firewall's own configuration: the firewall applies its vsys's rules");
            }
        } else if (!groups.isEmpty()) {
            contexts.add(panorama(config, shared, groups));
        } else if (shared != null || !pushed.isEmpty()) {
            Context cx = new Context();
            cx.scope = !pushed.isEmpty() ? pushed.get(0) : shared;
            if (shared != null) addRulebase(cx, shared, "pre-rulebase");
            for (PanNode p : pushed) addRulebase(cx, p, "pre-rulebase");
            for (int i = pushed.size() - 1; i >= 0; i--) addRulebase(cx, pushed.get(i), "post-rulebase");
            if (shared != null) addRulebase(cx, shared, "post-rulebase");
            contexts.add(cx);
        }
        qualify = contexts.size() > 1;

        List<Rule> security = new ArrayList<>(), nat = new ArrayList<>();
        Action interzone = Action.DENY;
        SourceRef interzoneSource = null;
        for (Context cx : contexts) {
            zones(cx);
            cx.routing = new PanRouting(network, cx.zoneOf, objects, objects.chainOf(cx.scope), ledger, pbf(cx));
            cx.appOverride = appOverride(cx);
            for (Rulebase rb : cx.rulebases) {
                PanNode rules = rb.node.at("security", "rules");
                if (rules != null) for (PanNode e : rules.entries()) security.addAll(security(e, objects.chainOf(rb.scope), cx));
            }
            Default intra = defaults(cx, "intrazone-default", Action.PERMIT);
            Default inter = defaults(cx, "interzone-default", Action.DENY);
            for (String z : cx.known) {
                security.add(new Rule(++index, "intrazone-default", intra.action, PacketSet.ALL, Set.of(z(cx, z)), Set.of(z(cx, z)),
                        intra.source));
            }
            if (qualify) {
                Set<String> all = new LinkedHashSet<>();
                for (String z : cx.known) all.add(z(cx, z));
                if (!all.isEmpty()) security.add(new Rule(++index, "interzone-default", inter.action, PacketSet.ALL, all, all, inter.source));
            } else {
                interzone = inter.action;
                interzoneSource = inter.explicit ? inter.source : null;
            }
        }
        index = 0;
        for (Context cx : contexts) {
            for (Rulebase rb : cx.rulebases) {
                PanNode rules = rb.node.at("nat", "rules");
                if (rules != null) for (PanNode e : rules.entries()) nat.addAll(nat(e, objects.chainOf(rb.scope), cx));
            }
        }
        finish(config, network);
        List<Policy> policies = new ArrayList<>();
        if (!contexts.isEmpty()) {
            policies.add(new Policy("security", PolicyKind.FIRST_MATCH, null, interzone, security, interzoneSource, PacketSet.ALL,
                    Hook.FORWARD));
        }
        if (!nat.isEmpty()) {
            policies.add(new Policy("nat", PolicyKind.FIRST_MATCH, null, Action.PERMIT, nat, null, PacketSet.ALL, Hook.FORWARD));
        }
        Set<String> defined = new LinkedHashSet<>();
        for (Context cx : contexts) for (String z : cx.defined) defined.add(z(cx, z));
        return new Converted(policies, natRules, defined);
    }

    private void declare(PanNode scope, List<PanNode> chain) {
        objects.chain(scope, chain);
        scopes.add(scope);
    }

    private static void addRulebase(Context cx, PanNode scope, String which) {
        PanNode rb = scope.child(which);
        if (rb != null) cx.rulebases.add(new Rulebase(rb, scope));
    }

    /**
     * A Panorama configuration: the device group a firewall gets (the one at the bottom of the
     * hierarchy) with its ancestors and shared. Several device groups at the bottom are refused:
     * which one a firewall belongs to is not in the export.
     */
    private Context panorama(PanNode config, PanNode shared, List<PanNode> groups) throws BadInputException {
        Map<String, PanNode> byName = new LinkedHashMap<>();
        for (PanNode g : groups) byName.put(g.entry, g);
        Map<String, String> parent = new HashMap<>();
        PanNode ro = config.at("readonly", "devices");
        List<PanNode> parentNodes = new ArrayList<>();
        if (ro != null) {
            for (PanNode dev : ro.entries()) {
                PanNode dgs = dev.child("device-group");
                if (dgs == null) continue;
                for (PanNode g : dgs.entries()) {
                    PanNode p = g.child("parent-dg");
                    if (p != null && !p.values().isEmpty()) {
                        parent.put(g.entry, p.values().get(0));
                        parentNodes.add(p);
                    }
                }
            }
        }
        Set<String> leaves = new LinkedHashSet<>(byName.keySet());
        leaves.removeAll(parent.values());
        if (leaves.size() != 1) {
            throw new BadInputException(file, 0, "a Panorama configuration with " + leaves.size() + " device groups at the bottom of its "
                    + "hierarchy (" + String.join(", ", leaves) + "): which of them a firewall belongs to is not in the export; audit the "
                    + "firewall's own export, its 'show config pushed-shared-policy', or a Panorama export of one device group");
        }
        List<PanNode> line = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String g = leaves.iterator().next(); g != null && byName.containsKey(g) && seen.add(g); g = parent.get(g)) line.add(byName.get(g));
        for (PanNode p : parentNodes) ledger.usedTree(p);
        for (int i = 0; i < line.size(); i++) {
            List<PanNode> chain = new ArrayList<>(line.subList(i, line.size()));
            if (shared != null) chain.add(shared);
            declare(line.get(i), chain);
        }
        for (PanNode g : groups) {
            if (!line.contains(g)) ledger.ignoredTree(g, "device group " + g.entry + " is not above the one a firewall gets here");
        }
        Context cx = new Context();
        cx.scope = line.get(0);
        if (shared != null) addRulebase(cx, shared, "pre-rulebase");
        for (int i = line.size() - 1; i >= 0; i--) addRulebase(cx, line.get(i), "pre-rulebase");
        for (PanNode g : line) addRulebase(cx, g, "post-rulebase");
        if (shared != null) addRulebase(cx, shared, "post-rulebase");
        return cx;
    }

    /** The zones of a context: those it defines (with their interfaces) and those its rules name. */
    private void zones(Context cx) {
        PanNode zs = cx.scope.child("zone");
        if (zs != null) {
            for (PanNode z : zs.entries()) {
                cx.defined.add(z.entry);
                PanNode net = z.child("network");
                if (net == null) continue;
                for (PanNode kind : net.children()) {
                    if (kind.name.equals("layer3") || kind.name.equals("virtual-wire") || kind.name.equals("layer2")
                            || kind.name.equals("tap") || kind.name.equals("tunnel")) {
                        for (String i : kind.values()) cx.zoneOf.putIfAbsent(i, z.entry);
                    }
                }
            }
        }
        cx.known.addAll(cx.defined);
        for (Rulebase rb : cx.rulebases) {
            for (String type : new String[] {"security", "nat"}) {
                PanNode rules = rb.node.at(type, "rules");
                if (rules == null) continue;
                for (PanNode e : rules.entries()) {
                    for (String f : new String[] {"from", "to"}) {
                        PanNode n = e.child(f);
                        if (n != null) for (String v : n.values()) if (!v.equals("any")) cx.known.add(v);
                    }
                }
            }
        }
    }

    private String z(Context cx, String zone) {
        return qualify ? cx.vsys + "/" + zone : zone;
    }

    private Set<String> zoneSet(Context cx, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) out.add(z(cx, v));
        return out;
    }

    /** Why policy-based forwarding may send traffic elsewhere than the routes do, or null when no PBF rule is enabled. */
    private String pbf(Context cx) {
        int n = unmodelledRules(cx, "pbf", "policy-based forwarding overrides the routes for what it matches: not modelled, so the zone a "
                + "NAT rule's original destination routes to is not read from the routes");
        return n == 0 ? null : n + " policy-based forwarding rule(s) may override the routes";
    }

    /** Why rules that name applications may match differently, or null when no application override rule is enabled. */
    private String appOverride(Context cx) {
        int n = unmodelledRules(cx, "application-override", "application override gives the traffic it matches a custom application, so "
                + "rules that name applications may match it differently: not modelled");
        return n == 0 ? null : "application override rules may change which application App-ID gives this traffic";
    }

    /** Marks the rules of a rulebase that is not modelled (disabled ones ignored, the others unsupported); returns how many are enabled. */
    private int unmodelledRules(Context cx, String type, String why) {
        int n = 0;
        for (Rulebase rb : cx.rulebases) {
            PanNode rules = rb.node.at(type, "rules");
            if (rules == null) continue;
            for (PanNode e : rules.entries()) {
                if (skipped(e)) continue;
                n++;
                ledger.unsupportedTree(e, why);
            }
        }
        return n;
    }

    private static boolean disabled(PanNode e) {
        PanNode d = e.child("disabled");
        return d != null && d.value().equals("yes");
    }

    /** Longer lines are not a rule's text in reports: an XML answer on one line is shown as the element's start tag. */
    static final int MAX_REF_TEXT = 300;

    /** The text of each line a rule points at, kept once: a long line is read once, however many rules it holds. */
    private final Map<Integer, String> refTexts = new HashMap<>();

    private SourceRef ref(PanNode e) {
        return ref(e.firstLine(), e);
    }

    /** Where a rule comes from: its line, and the line's text (or, for a very long line, the element's start tag). */
    private SourceRef ref(int line, PanNode e) {
        if (line <= 0) return SourceRef.line(file, 0, e.label());
        String text = refTexts.computeIfAbsent(line, l -> {
            String t = ledger.lines.text(l);
            return t.length() <= MAX_REF_TEXT ? t : ""; // "": too long to show
        });
        if (text.isEmpty()) text = e.entry != null ? "<" + e.name + " name=\"" + e.entry + "\">" : "<" + e.name + ">";
        return SourceRef.line(file, line, text);
    }

    // ---- default security rules -----------------------------------------------------------------

    /** A default rule: its action and the line that says it (the override, or a line-0 reference to the predefined one). */
    private record Default(Action action, SourceRef source, boolean explicit) {}

    private Default defaults(Context cx, String name, Action predefined) {
        // the most specific override wins: the vsys's own, then the device groups' from the bottom of the hierarchy up, then shared
        List<Rulebase> order = new ArrayList<>();
        for (Rulebase rb : cx.rulebases) if (rb.node.name.equals("rulebase")) order.add(rb);
        for (Rulebase rb : cx.rulebases) if (rb.node.name.equals("post-rulebase")) order.add(rb);
        for (Rulebase rb : cx.rulebases) if (rb.node.name.equals("pre-rulebase")) order.add(rb);
        Default found = null;
        for (Rulebase rb : order) {
            PanNode rules = rb.node.at("default-security-rules", "rules");
            PanNode e = rules == null ? null : rules.entry(name);
            if (e == null) continue;
            if (found != null) {
                ledger.ignoredTree(e, name + " is overridden in a more specific scope (" + found.source.where() + ")");
                continue;
            }
            Action a = predefined;
            for (PanNode c : e.children()) {
                if (c.name.equals("action")) {
                    String v = c.value();
                    if (v.equals("allow")) a = Action.PERMIT;
                    else if (DENY_ACTIONS.contains(v)) a = Action.DENY;
                    else {
                        ledger.unrecognized(c, "'" + v + "' is not an action (allow, deny, drop, reset-client, reset-server, reset-both);"
                                + " the predefined " + predefined.json() + " stays");
                        continue;
                    }
                    ledger.usedTree(c);
                } else if (RULE_LABELS.contains(c.name)) {
                    ledger.ignoredTree(c, c.name + ": logging and labels; does not decide which traffic passes");
                } else {
                    ledger.unrecognized(c, "'" + c.name + "' is not understood in " + name);
                }
            }
            ledger.used(e);
            found = new Default(a, ref(e), true);
        }
        if (found != null) return found;
        String text = name + " (predefined): " + (predefined == Action.PERMIT ? "allow" : "deny");
        return new Default(predefined, SourceRef.line(file, 0, text), false);
    }

    // ---- security rules ---------------------------------------------------------------------

    /** True (and its lines ignored, saying so) for a disabled rule. */
    private boolean skipped(PanNode e) {
        if (!disabled(e)) return false;
        ledger.ignoredTree(e, "disabled: the firewall skips this rule");
        return true;
    }

    /** A Panorama rule's target: only some firewalls (or all but some) make the rule uncertain here. */
    private void target(PanNode c, List<String> why) {
        if (c.child("devices") != null || "yes".equals(c.child("negate") == null ? "" : c.child("negate").value())) {
            String w = "the rule targets only some of Panorama's firewalls; read as applying to this one";
            ledger.unsupportedTree(c, w);
            why.add(w);
        } else {
            ledger.ignoredTree(c, "target: the rule applies to every firewall of the device group");
        }
    }

    private List<Rule> security(PanNode e, List<PanNode> chain, Context cx) {
        if (skipped(e)) return List.of();
        String name = e.entry;
        List<String> why = new ArrayList<>();
        boolean narrowed = false;
        Map<String, PanNode> f = new HashMap<>();
        for (PanNode c : e.children()) {
            switch (c.name) {
                case "from", "to", "source", "destination", "service", "application", "action", "negate-source", "negate-destination",
                     "rule-type", "disabled" -> {
                    f.put(c.name, c);
                    ledger.used(c);
                }
                case "schedule" -> {
                    String w = "schedule " + c.value() + ": the rule applies only at the times it names; read as always in force";
                    ledger.unsupportedTree(c, w);
                    why.add(w);
                }
                case "target" -> target(c, why);
                default -> {
                    if (RULE_LABELS.contains(c.name)) {
                        ledger.ignoredTree(c, c.name + ": logging, profiles or labels; does not decide which traffic the rule matches");
                    } else if (NARROWING.contains(c.name)) {
                        List<String> v = c.values();
                        if (v.isEmpty() || v.equals(List.of("any")) || c.name.equals("source-hip") && v.equals(List.of("no-hip"))) {
                            ledger.usedTree(c);
                        } else {
                            String w = c.name + " " + String.join(", ", v) + ": the rule matches only part of this traffic (who sends it,"
                                    + " or what it carries), which is not modelled";
                            ledger.unsupportedTree(c, w);
                            why.add(w);
                            narrowed = true;
                        }
                    } else {
                        String w = "'" + c.name + "' is not understood in a security rule; it may narrow what the rule matches";
                        ledger.markTree(c, io.lyncaudit.importer.LineLedger.Verdict.UNRECOGNIZED, w);
                        why.add(w);
                        narrowed = true;
                    }
                }
            }
        }
        SourceRef src = ref(e);
        // the action
        PanNode act = f.get("action");
        String actionText = act == null ? "allow" : act.value();
        Action action = actionText.equals("allow") ? Action.PERMIT : DENY_ACTIONS.contains(actionText) ? Action.DENY : null;
        if (act == null) why.add("the rule states no action; read as allow, PAN-OS's default for a new rule");
        // the zones
        List<String> from = values(e, f, "from", why), to = values(e, f, "to", why);
        // the addresses
        Side s = side(f.get("source"), e, "source", chain, why), d = side(f.get("destination"), e, "destination", chain, why);
        if (yes(f.get("negate-source"))) s = negate(s);
        if (yes(f.get("negate-destination"))) d = negate(d);
        why.addAll(s.why());
        why.addAll(d.why());
        // applications and services
        L4 l4 = l4(f.get("application"), f.get("service"), e, chain);
        if (cx.appOverride != null && f.get("application") != null && !f.get("application").values().contains("any")) {
            l4 = l4.with(cx.appOverride);
        }
        why.addAll(l4.why());
        PacketSet match = narrowed ? PacketSet.EMPTY : between(l4.sure(), s.sure(), d.sure());
        PacketSet may = between(l4.may(), s.may(), d.may());
        // one neutral rule per pair of zone sets the rule type gives
        List<Set<String>[]> pairs = zonePairs(cx, from, to, f.get("rule-type") == null ? "universal" : f.get("rule-type").value(), why);
        List<Rule> out = new ArrayList<>();
        String reason = why.isEmpty() ? null : String.join("; ", new LinkedHashSet<>(why));
        for (Set<String>[] p : pairs) {
            if (action == null) {
                String w = "'" + actionText + "' is not an action this importer knows; it may allow or deny what the rule names";
                out.add(new Rule(++index, name, Action.PERMIT, PacketSet.EMPTY, p[0], p[1], src).withUncertainty(w, may));
                out.add(new Rule(++index, name, Action.DENY, PacketSet.EMPTY, p[0], p[1], src).withUncertainty(w, may));
                continue;
            }
            // may holds match by construction (each operand's sure part lies in its may part), so the rule is made
            // directly rather than through withUncertainty, whose unions cost a set subtraction per rule
            out.add(reason == null ? new Rule(++index, name, action, match, p[0], p[1], src)
                    : new Rule(++index, name, action, match, p[0], p[1], src, may, reason, null));
        }
        if (action == null && act != null) ledger.unrecognized(act, "'" + actionText + "' is not an action (allow, deny, drop, "
                + "reset-client, reset-server, reset-both)");
        ledger.used(e);
        return out;
    }

    /** A zone list of the rule; a missing one reads as any, with a reason. */
    private List<String> values(PanNode e, Map<String, PanNode> f, String field, List<String> why) {
        PanNode n = f.get(field);
        if (n == null) {
            why.add("the rule has no '" + field + "'; read as any");
            ledger.unrecognized(e, "rule '" + e.entry + "' has no '" + field + "'");
            return List.of("any");
        }
        for (PanNode m : n.members()) ledger.used(m);
        List<String> v = n.values();
        return v.isEmpty() ? List.of("any") : v;
    }

    private Side side(PanNode n, PanNode e, String field, List<PanNode> chain, List<String> why) {
        if (n == null) {
            why.add("the rule has no '" + field + "'; read as any");
            ledger.unrecognized(e, "rule '" + e.entry + "' has no '" + field + "'");
            return Side.exact(Addresses.ALL);
        }
        List<PanNode> members = n.members();
        if (members.isEmpty()) {
            String v = n.text();
            return v.isEmpty() ? Side.exact(Addresses.ALL) : objects.address(v, n, chain);
        }
        List<Side> parts = new ArrayList<>(members.size());
        for (PanNode m : members) {
            ledger.used(m);
            parts.add(objects.address(m.text(), m, chain));
        }
        return parts.size() == 1 ? parts.get(0) : Side.union(parts);
    }

    private static Side negate(Side s) {
        return new Side(Addresses.ALL.subtract(s.may()), Addresses.ALL.subtract(s.sure()), s.why());
    }

    private static boolean yes(PanNode n) {
        return n != null && n.value().equals("yes");
    }

    /**
     * The packets of {@code l4} (protocols and ports) from {@code src} to {@code dst}. Its boxes hold
     * every address, so each takes the two address sets as they are: no intersection with "every
     * address", which for an operand of thousands of intervals would cost a copy per rule.
     */
    private static PacketSet between(PacketSet l4, IntervalSet src, IntervalSet dst) {
        if (src.isEmpty() || dst.isEmpty() || l4.isEmpty()) return PacketSet.EMPTY;
        PacketSet out = PacketSet.EMPTY;
        for (PacketBox b : l4.boxes()) {
            if (!b.sources().equals(Addresses.ALL) || !b.destinations().equals(Addresses.ALL)) return l4.intersect(box(src, dst));
            // the boxes of a set are disjoint, and stay so with the same addresses
            out = out.unionDisjoint(PacketSet.of(new PacketBox(b.protocols(), src, dst, b.sourcePorts(), b.destinationPorts())));
        }
        return out;
    }

    private static PacketSet box(IntervalSet src, IntervalSet dst) {
        if (src.isEmpty() || dst.isEmpty()) return PacketSet.EMPTY;
        return PacketSet.of(new PacketBox(Protocols.ALL, src, dst, Ports.ALL, Ports.ALL));
    }

    /**
     * The protocols and ports of a rule from its applications and services: exact for
     * application {@code any} with service {@code any} or named services, and for applications of
     * the table ({@link PanApplications}) or custom ones with their default ports on service
     * {@code application-default}; otherwise an uncertain reading (see the package documentation).
     */
    private L4 l4(PanNode apps, PanNode svc, PanNode e, List<PanNode> chain) {
        List<String> why = new ArrayList<>();
        List<String> services = svc == null ? List.of("any") : svc.values();
        if (svc == null) why.add("the rule has no service; read as any");
        if (services.isEmpty()) services = List.of("any");
        boolean appDefault = services.contains("application-default"), anyService = services.contains("any");
        L4 service = null;
        if (!appDefault && !anyService) {
            service = L4.NONE;
            List<PanNode> ms = svc.members().isEmpty() ? List.of(svc) : svc.members();
            for (PanNode m : ms) {
                ledger.used(m);
                service = service.or(objects.service(m.text(), m, chain));
            }
        } else if (svc != null) {
            for (PanNode m : svc.members()) ledger.used(m);
        }
        List<String> appNames = apps == null ? List.of("any") : apps.values();
        if (apps == null) why.add("the rule has no application; read as any");
        if (appNames.isEmpty() || appNames.contains("any")) {
            if (apps != null) for (PanNode m : apps.members()) ledger.used(m);
            if (service != null) return withAll(service, why);
            if (anyService) return withAll(L4.exact(PacketSet.ALL), why);
            why.add("application any on service application-default: each application only on its own default ports; read as any port");
            return withAll(new L4(PacketSet.ALL, PacketSet.ALL, List.of()), why);
        }
        L4 out = L4.NONE;
        List<PanNode> ms = apps.members().isEmpty() ? List.of(apps) : apps.members();
        for (PanNode m : ms) {
            ledger.used(m);
            String name = m == apps ? apps.text() : m.text();
            for (AppL4 a : objects.application(name, m, chain)) {
                L4 one = appL4(a, appDefault, service);
                if (!one.why().isEmpty()) ledger.unsupported(m, one.why().get(0));
                out = out.or(one);
            }
        }
        if (service != null) why.addAll(service.why());
        return withAll(out, why);
    }

    private static L4 withAll(L4 l, List<String> why) {
        L4 out = l;
        for (String w : why) out = out.with(w);
        return out;
    }

    private static L4 appL4(AppL4 a, boolean appDefault, L4 service) {
        boolean known = a.unknown() == null && a.defaults() != null;
        if (appDefault) {
            if (known) return L4.exact(a.defaults());
            PacketSet may = a.transports() != null ? a.transports() : PacketSet.ALL;
            PacketSet sure = a.defaults() != null ? a.defaults() : PacketSet.EMPTY;
            return new L4(sure, may.union(sure), List.of((a.unknown() != null ? a.unknown() : "application " + a.name())
                    + "; on service application-default it may match any of its ports"));
        }
        if (service == null) {
            // service any: App-ID finds the application on whatever port it runs
            PacketSet sure = a.defaults() != null ? a.defaults() : PacketSet.EMPTY;
            PacketSet may = a.transports() != null ? a.transports().union(sure) : PacketSet.ALL;
            return new L4(sure, may, List.of("application " + a.name() + " on service any: App-ID finds it on any port; read as "
                    + (known ? "its default ports" : "no port for sure")));
        }
        PacketSet t = a.transports() != null ? a.transports() : PacketSet.ALL;
        String what = a.unknown() != null ? a.unknown() + "; on named services" : "application " + a.name() + " on named services";
        return new L4(service.sure().intersect(t), service.may().intersect(t), List.of(what
                + ": the rule matches only what App-ID identifies as " + a.name() + " on their ports"));
    }

    /** The zone pairs a rule applies between, by its rule type. */
    @SuppressWarnings("unchecked")
    private List<Set<String>[]> zonePairs(Context cx, List<String> from, List<String> to, String type, List<String> why) {
        boolean anyFrom = from.contains("any"), anyTo = to.contains("any");
        Set<String> all = new LinkedHashSet<>();
        for (String z : cx.known) all.add(z(cx, z));
        Set<String> f = anyFrom ? (qualify ? all : Set.of()) : zoneSet(cx, from);
        Set<String> t = anyTo ? (qualify ? all : Set.of()) : zoneSet(cx, to);
        List<Set<String>[]> out = new ArrayList<>();
        switch (type) {
            case "intrazone" -> {
                Set<String> zs = anyFrom ? all : f;
                if (zs.isEmpty()) {
                    why.add("an intrazone rule of any zone, and the export names no zone; read as between any zones");
                    out.add(new Set[] {Set.of(), Set.of()});
                }
                for (String z : zs) out.add(new Set[] {Set.of(z), Set.of(z)});
            }
            case "interzone" -> {
                if (!f.isEmpty()) {
                    for (String z : f) {
                        Set<String> other = new LinkedHashSet<>(t.isEmpty() ? Set.of("!" + z) : t);
                        if (!t.isEmpty()) other.remove(z);
                        if (!other.isEmpty()) out.add(new Set[] {Set.of(z), other});
                    }
                } else if (!t.isEmpty()) {
                    for (String z : t) out.add(new Set[] {Set.of("!" + z), Set.of(z)});
                } else if (all.isEmpty()) {
                    why.add("an interzone rule of any zones, and the export names no zone; read as between any zones");
                    out.add(new Set[] {Set.of(), Set.of()});
                } else {
                    for (String z : all) out.add(new Set[] {Set.of(z), Set.of("!" + z)});
                }
            }
            default -> out.add(new Set[] {f, t});
        }
        return out;
    }

    // ---- NAT ----------------------------------------------------------------------------------

    private List<Rule> nat(PanNode e, List<PanNode> chain, Context cx) {
        if (skipped(e)) return List.of();
        String name = e.entry;
        List<String> why = new ArrayList<>();
        Map<String, PanNode> f = new HashMap<>();
        for (PanNode c : e.children()) {
            switch (c.name) {
                case "from", "to", "to-interface", "source", "destination", "service", "disabled" -> {
                    f.put(c.name, c);
                    ledger.used(c);
                }
                case "nat-type" -> {
                    f.put(c.name, c);
                    ledger.usedTree(c);
                }
                case "source-translation", "destination-translation", "dynamic-destination-translation" -> f.put(c.name, c);
                case "target" -> target(c, why);
                case "active-active-device-binding" -> ledger.ignoredTree(c, "which peer of an active/active pair translates: the same"
                        + " translation either way");
                default -> {
                    if (RULE_LABELS.contains(c.name)) {
                        ledger.ignoredTree(c, c.name + ": labels; does not decide what the rule translates");
                    } else {
                        String w = "'" + c.name + "' is not understood in a NAT rule; it may narrow what the rule matches";
                        ledger.markTree(c, io.lyncaudit.importer.LineLedger.Verdict.UNRECOGNIZED, w);
                        why.add(w);
                    }
                }
            }
        }
        SourceRef src = ref(e);
        ledger.used(e);
        String type = f.get("nat-type") == null ? "ipv4" : f.get("nat-type").value();
        List<String> from = values(e, f, "from", why), to = values(e, f, "to", why);
        Side s = side(f.get("source"), e, "source", chain, why), d = side(f.get("destination"), e, "destination", chain, why);
        why.addAll(s.why());
        why.addAll(d.why());
        L4 svc = natService(f.get("service"), chain);
        why.addAll(svc.why());
        // the destination zone is the zone of the route to the original destination
        PanNode toIf = f.get("to-interface");
        String toInterface = toIf == null || toIf.value().isEmpty() || toIf.value().equals("any") ? null : toIf.value();
        if (!to.contains("any") || toInterface != null) {
            PanRouting.Answer a = cx.routing.routedTo(from.contains("any") ? Set.of() : new LinkedHashSet<>(from),
                    new LinkedHashSet<>(to), toInterface);
            if (a.unknown() == null) {
                d = new Side(d.sure().intersect(a.destinations()), d.may().intersect(a.destinations()), d.why());
            } else {
                why.add("its destination zone " + String.join(", ", toInterface != null ? List.of(toInterface) : to) + " is the zone the "
                        + "original destination routes to, which the export does not tell (" + a.unknown() + "); read as any zone");
            }
        }
        Set<String> fromZones = from.contains("any") ? (qualify ? allZones(cx) : Set.of()) : zoneSet(cx, from);
        PacketSet match = between(svc.sure(), s.sure(), d.sure());
        PacketSet may = between(svc.may(), s.may(), d.may());
        List<Rule> out = new ArrayList<>();
        if (!type.equals("ipv4")) {
            String w = "nat-type " + type + ": translation between address families is not modelled";
            ledger.unsupported(f.get("nat-type"), w);
            why.add(w);
        }
        Translation t = null;
        PanNode dt = f.get("destination-translation") != null ? f.get("destination-translation") : f.get("dynamic-destination-translation");
        if (dt != null && type.equals("ipv4")) {
            Xlate x = destinationTranslation(dt, chain);
            t = x.translation;
            why.addAll(x.why);
            if (x.translation != null && x.one && x.translation.destination() != null && d.why().isEmpty()
                    && d.sure().size().equals(BigInteger.ONE)) {
                natRules.add(new NatRule(d.sure(), x.translation.destination(), false, src));
            }
        } else if (dt != null) {
            ledger.unsupportedTree(dt, "nat-type " + type + ": not modelled");
        }
        int at = ++index;
        PanNode st = f.get("source-translation");
        Rule reverse = null;
        if (st != null) {
            ledger.used(st);
            reverse = sourceTranslation(st, s, cx, from, to, chain, name);
        }
        String reason = why.isEmpty() ? null : String.join("; ", new LinkedHashSet<>(why));
        PacketSet read = reason != null && !type.equals("ipv4") ? PacketSet.EMPTY : match;
        out.add(new Rule(at, name, Action.PERMIT, read, fromZones, Set.of(), src, reason == null ? null : may, reason, t));
        if (reverse != null) out.add(reverse);
        return out;
    }

    private Set<String> allZones(Context cx) {
        Set<String> all = new LinkedHashSet<>();
        for (String z : cx.known) all.add(z(cx, z));
        return all;
    }

    /** A NAT rule's service: one name, {@code any} by default. */
    private L4 natService(PanNode n, List<PanNode> chain) {
        if (n == null) return L4.exact(PacketSet.ALL);
        L4 out = null;
        List<PanNode> ms = n.members().isEmpty() ? List.of(n) : n.members();
        for (PanNode m : ms) {
            ledger.used(m);
            String v = m == n ? n.text() : m.text();
            L4 x = v.isEmpty() || v.equals("any") ? L4.exact(PacketSet.ALL) : objects.service(v, m, chain);
            out = out == null ? x : out.or(x);
        }
        return out;
    }

    /** A destination translation as read: the translation, whether it maps onto one address, and why it is not exact. */
    private record Xlate(Translation translation, boolean one, List<String> why) {}

    private Xlate destinationTranslation(PanNode dt, List<PanNode> chain) {
        List<String> why = new ArrayList<>();
        ledger.used(dt);
        IntervalSet dest = null, port = null;
        boolean one = false;
        if (dt.name.equals("dynamic-destination-translation")) {
            why.add("dynamic destination translation spreads connections over the addresses its name resolves to at run time;"
                    + " read as the first it names");
        }
        for (PanNode c : dt.children()) {
            switch (c.name) {
                case "translated-address" -> {
                    ledger.used(c);
                    List<PanNode> ms = c.members().isEmpty() ? List.of(c) : c.members();
                    Side a = null;
                    for (PanNode m : ms) {
                        ledger.used(m);
                        Side x = objects.address(m == c ? c.text() : m.text(), m, chain);
                        a = a == null ? x : a.or(x);
                    }
                    if (a == null || a.sure().isEmpty()) {
                        why.add("the translated address cannot be resolved here" + (a == null ? "" : " (" + String.join("; ", a.why()) + ")")
                                + "; the translation is not modelled");
                    } else {
                        dest = IntervalSet.of(a.sure().first(), a.sure().first());
                        one = a.sure().size().equals(BigInteger.ONE) && a.why().isEmpty();
                        if (!a.sure().size().equals(BigInteger.ONE)) {
                            why.add("translates to " + Addresses.format(a.sure()) + ", more than one address (a subnet maps each original "
                                    + "address to its own, a pool picks one per connection): read as its first address, "
                                    + Addresses.format(dest));
                        }
                        why.addAll(a.why());
                    }
                }
                case "translated-port" -> {
                    ledger.usedTree(c);
                    try {
                        int p = Integer.parseInt(c.value());
                        if (p < 0 || p > Ports.MAX) throw new NumberFormatException();
                        port = IntervalSet.point(p);
                    } catch (NumberFormatException e) {
                        ledger.unrecognized(c, "'" + c.value() + "' is not a port");
                        why.add("translated port '" + c.value() + "' is not a port; the port is read as kept");
                        port = null;
                    }
                }
                case "distribution" -> ledger.usedTree(c);
                case "dns-rewrite" -> ledger.ignoredTree(c, "DNS rewrite: changes DNS answers, not which traffic passes");
                default -> {
                    ledger.unrecognized(c, "'" + c.name + "' is not understood in a destination translation");
                    why.add("'" + c.name + "' in the destination translation is not understood");
                }
            }
        }
        // a translated address that cannot be resolved leaves the translation unknown: none is read, and the rule says why
        boolean unresolved = dt.child("translated-address") != null && dest == null;
        Translation t = unresolved || dest == null && port == null ? null : new Translation(dest, port, false);
        return new Xlate(t, one, why);
    }

    /**
     * A source translation: it does not change what the security policy sees (the rule still takes
     * the packets it matches away from later NAT rules). A bi-directional static translation also
     * translates the other way: traffic to the translated address reaches the original source; that
     * reverse rule is read right after the rule that declares it.
     */
    private Rule sourceTranslation(PanNode st, Side original, Context cx, List<String> from, List<String> to, List<PanNode> chain,
                                   String name) {
        Rule reverse = null;
        for (PanNode kind : st.children()) {
            switch (kind.name) {
                case "dynamic-ip-and-port", "dynamic-ip" -> ledger.usedTree(kind);
                case "static-ip" -> {
                    ledger.used(kind);
                    PanNode ta = kind.child("translated-address");
                    PanNode bi = kind.child("bi-directional");
                    for (PanNode c : kind.children()) if (c != ta && c != bi) ledger.unrecognized(c, "'" + c.name + "' is not understood in "
                            + "a static source translation");
                    if (ta != null) ledger.usedTree(ta);
                    if (bi != null) ledger.usedTree(bi);
                    if (ta != null && bi != null && bi.value().equals("yes")) reverse = reverse(ta, bi, original, cx, to, chain, name);
                }
                default -> ledger.unrecognized(kind, "'" + kind.name + "' is not a kind of source translation");
            }
        }
        return reverse;
    }

    private Rule reverse(PanNode ta, PanNode bi, Side original, Context cx, List<String> to, List<PanNode> chain, String name) {
        List<String> why = new ArrayList<>();
        Side mapped = objects.address(ta.value(), ta, chain);
        why.addAll(mapped.why());
        IntervalSet dst = mapped.sure(), dstMay = mapped.may();
        if (!to.contains("any")) {
            PanRouting.Answer a = cx.routing.routedTo(Set.of(), new LinkedHashSet<>(to), null);
            if (a.unknown() == null) {
                dst = dst.intersect(a.destinations());
                dstMay = dstMay.intersect(a.destinations());
            } else {
                why.add("the reverse translation applies to traffic whose destination routes to zone " + String.join(", ", to)
                        + ", which the export does not tell (" + a.unknown() + "); read as any zone");
            }
        }
        Translation t = null;
        if (original.sure().isEmpty()) {
            why.add("the original source cannot be resolved; the reverse translation is not modelled");
        } else {
            IntervalSet first = IntervalSet.of(original.sure().first(), original.sure().first());
            t = new Translation(first, null, false);
            if (!original.sure().size().equals(BigInteger.ONE)) {
                why.add("a bi-directional translation of " + Addresses.format(original.sure()) + " maps each address to its own, which one "
                        + "translation cannot say: read as to its first address, " + Addresses.format(first));
            }
            why.addAll(original.why());
        }
        SourceRef src = ref(bi.firstLine() > 0 ? bi.firstLine() : ta.firstLine(), bi);
        if (t != null && why.isEmpty() && original.sure().size().equals(mapped.sure().size())) {
            natRules.add(new NatRule(mapped.sure(), original.sure(), false, src));
        }
        PacketSet match = box(Addresses.ALL, dst);
        PacketSet may = box(Addresses.ALL, dstMay);
        Rule r = new Rule(++index, name + " (bi-directional)", Action.PERMIT, match, Set.of(), Set.of(), src, null, null, t);
        return why.isEmpty() ? r : r.withUncertainty(String.join("; ", new LinkedHashSet<>(why)), may);
    }

    // ---- what the rest of the lines are ------------------------------------------------------

    private void finish(PanNode config, PanNode network) {
        objects.finish(scopes);
        for (PanNode scope : scopes) {
            for (PanNode c : scope.children()) {
                switch (c.name) {
                    case "zone" -> {
                        for (PanNode z : c.entries()) {
                            ledger.used(z);
                            for (PanNode k : z.children()) {
                                if (k.verdict != null) continue;
                                if (k.name.equals("network")) {
                                    ledger.used(k);
                                    for (PanNode i : k.children()) {
                                        if (List.of("layer3", "layer2", "virtual-wire", "tap", "tunnel", "external").contains(i.name)) {
                                            ledger.usedTree(i);
                                        } else {
                                            ledger.ignoredTree(i, "zone " + i.name + ": does not decide which traffic passes");
                                        }
                                    }
                                } else {
                                    ledger.ignoredTree(k, "zone " + k.name + ": does not decide which traffic the security policy passes");
                                }
                            }
                        }
                    }
                    case "tag" -> ledger.ignoredTree(c, "tags label objects and rules; they do not filter");
                    case "schedule" -> ledger.ignoredTree(c, "schedules: the rules that name them are marked where they do");
                    case "dynamic-user-group" -> ledger.ignoredTree(c, "dynamic user groups: the rules that name them are marked where they do");
                    case "import" -> ledger.ignoredTree(c, "interfaces and virtual routers assigned to the vsys: the deployment says which "
                            + "networks lie behind each zone");
                    case "devices" -> ledger.ignoredTree(c, "the firewalls of the device group");
                    case "display-name", "description" -> ledger.ignoredTree(c, c.name + ": a label");
                    case "rulebase", "pre-rulebase", "post-rulebase" -> {
                        for (PanNode k : c.children()) {
                            if (k.name.equals("security") || k.name.equals("nat") || k.name.equals("default-security-rules")
                                    || k.name.equals("pbf") || k.name.equals("application-override")) continue;
                            ledger.ignoredTree(k, k.name + " rules: do not decide which traffic passes");
                        }
                    }
                    default -> { }
                }
            }
        }
        if (network != null) {
            ledger.ignoredTree(network, "interfaces and routes: read only to find the zone a NAT rule's original destination routes to");
        }
        if (config != null && config.child("readonly") != null) {
            ledger.ignoredTree(config.child("readonly"), "Panorama's read-only bookkeeping (other than the device group hierarchy)");
        }
        ledger.finish(doc);
    }
}
