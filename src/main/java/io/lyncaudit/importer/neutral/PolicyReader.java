package io.lyncaudit.importer.neutral;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.Translation;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a located neutral-format tree into an import result; every bad value is an error at its line. */
final class PolicyReader {

    private static final Set<String> TOP = Set.of("schemaVersion", "file", "format", "lines", "policies", "unboundDefault",
            "nat", "diagnostics");
    private static final Set<String> LINES = Set.of("total", "used", "ignored", "unsupported", "unrecognized");
    private static final Set<String> POLICY = Set.of("name", "kind", "binding", "hook", "scope", "defaultAction", "defaultSource",
            "rules");
    private static final Set<String> BINDING = Set.of("interface", "direction");
    private static final Set<String> RULE = Set.of("index", "name", "action", "protocol", "source", "destination", "ports",
            "sourcePorts", "fromZones", "toZones", "match", "uncertain", "mayMatch", "translate", "source_ref");
    private static final Set<String> TRANSLATE = Set.of("destination", "port", "toHost");
    private static final Set<String> BOX = Set.of("protocol", "source", "destination", "ports", "sourcePorts");
    private static final Set<String> SOURCE = Set.of("file", "line", "sheet", "cell", "text");
    private static final Set<String> NAT = Set.of("mapped", "real", "aclSeesReal", "source_ref");
    private static final Set<String> DIAGNOSTIC = Set.of("file", "line", "category", "text", "message");

    /** Protocols whose packets carry ports. */
    private static final IntervalSet PORTED = Protocols.PORTED;

    private final String file;      // the neutral file being read: errors name it
    private String policyFile;      // the export the policy describes: rules point at it

    PolicyReader(String file) {
        this.file = file;
    }

    ImportResult read(Node root) throws BadInputException {
        Fields top = Fields.of(root, "the document", file, TOP);
        if (top.has("schemaVersion") && top.integer("schemaVersion") != NeutralWriter.SCHEMA_VERSION) {
            throw new BadInputException(file, top.lineOf("schemaVersion"),
                    "schemaVersion " + top.integer("schemaVersion") + " is not supported (this version reads " + NeutralWriter.SCHEMA_VERSION + ")");
        }
        policyFile = top.string("file", file);
        String format = top.string("format", NeutralImporter.FORMAT);
        if (!top.has("policies")) throw new BadInputException(file, top.line(), "the document has no 'policies' list");
        List<Policy> policies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node n : top.array("policies")) {
            Policy p = policy(n);
            if (!names.add(p.name())) throw new BadInputException(file, n.line(), "duplicate policy name '" + p.name() + "'");
            policies.add(p);
        }
        Action unbound = top.isNull("unboundDefault") ? Action.DENY
                : top.parse("unboundDefault", top.string("unboundDefault"), PolicyReader::action);
        List<NatRule> nat = new ArrayList<>();
        for (Node n : top.array("nat")) nat.add(nat(n));
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Node n : top.array("diagnostics")) diagnostics.add(diagnostic(n));
        LineCounts lines = top.isNull("lines") ? counted(policies, diagnostics) : lines(top.node("lines"));
        return new ImportResult(policyFile, format, policies, nat, diagnostics, lines, unbound);
    }

    private LineCounts lines(Node n) throws BadInputException {
        Fields f = Fields.of(n, "lines", file, LINES);
        return new LineCounts(f.integer("total"), f.integer("used"), f.integer("ignored"), f.integer("unsupported"),
                f.integer("unrecognized"));
    }

    /** Counts for a hand-written file without a 'lines' object: every rule and diagnostic is one line. */
    private static LineCounts counted(List<Policy> policies, List<Diagnostic> ds) {
        int used = policies.stream().mapToInt(p -> p.rules().size()).sum();
        int[] c = new int[3];
        for (Diagnostic d : ds) c[d.category().ordinal()]++;
        return new LineCounts(used + ds.size(), used, c[0], c[1], c[2]);
    }

    private Policy policy(Node n) throws BadInputException {
        Fields f = Fields.of(n, "policy", file, POLICY);
        String name = f.string("name");
        PolicyKind kind = f.isNull("kind") ? PolicyKind.FIRST_MATCH : f.parse("kind", f.string("kind"), PolicyKind::fromJson);
        Binding binding = f.isNull("binding") ? null : binding(f.node("binding"));
        Hook hook = f.isNull("hook") ? null : f.parse("hook", f.string("hook"), Hook::fromJson);
        PacketSet scope = f.isNull("scope") ? PacketSet.ALL : scope(f.node("scope"));
        Action def = f.isNull("defaultAction") ? Action.DENY : f.parse("defaultAction", f.string("defaultAction"), PolicyReader::action);
        SourceRef defSource = f.isNull("defaultSource") ? null : source(f.node("defaultSource"), null);
        if (!f.has("rules")) throw new BadInputException(file, f.line(), "policy '" + name + "' has no 'rules' list");
        List<Rule> rules = new ArrayList<>();
        for (Node r : f.array("rules")) rules.add(rule(r, rules.size() + 1));
        return new Policy(name, kind, binding, def, rules, defSource, scope, hook);
    }

    /** {@code ipv4}, {@code ipv6}, {@code all}, or a list of boxes like a rule's {@code match}. */
    private PacketSet scope(Node n) throws BadInputException {
        if (n instanceof Node.Arr a) {
            List<PacketBox> boxes = new ArrayList<>();
            for (Node b : a.items()) boxes.add(box(Fields.of(b, "scope entry", file, BOX), true));
            return PacketSet.union(boxes);
        }
        String s = n instanceof Node.Scalar sc && sc.text() != null && sc.kind().equals("string")
                ? sc.text().strip().toLowerCase(Locale.ROOT) : "";
        return switch (s) {
            case NeutralText.SCOPE_IPV4 -> PacketSet.IPV4;
            case NeutralText.SCOPE_IPV6 -> PacketSet.IPV6;
            case "all", "any" -> PacketSet.ALL;
            default -> throw new BadInputException(file, n.line(), "'scope' in policy must be ipv4, ipv6, all or a list of "
                    + "{protocol, source, destination, ports, sourcePorts}");
        };
    }

    private Binding binding(Node n) throws BadInputException {
        Fields f = Fields.of(n, "binding", file, BINDING);
        String dir = f.string("direction").strip().toLowerCase(Locale.ROOT);
        Binding.Direction d = switch (dir) {
            case "in" -> Binding.Direction.IN;
            case "out" -> Binding.Direction.OUT;
            default -> throw new BadInputException(file, f.lineOf("direction"), "direction '" + dir + "' is not in or out");
        };
        return new Binding(f.string("interface"), d);
    }

    private Rule rule(Node n, int position) throws BadInputException {
        Fields f = Fields.of(n, "rule", file, RULE);
        int index = f.integer("index", position);
        if (index < 1) throw new BadInputException(file, f.lineOf("index"), "rule index " + index + " is not positive");
        Action action = f.parse("action", f.string("action"), PolicyReader::action);
        PacketSet match;
        if (f.has("match")) {
            List<PacketBox> boxes = new ArrayList<>();
            for (Node b : f.array("match")) boxes.add(box(Fields.of(b, "match entry", file, BOX), true));
            match = PacketSet.union(boxes);
            checkSummary(f, match);
        } else {
            match = PacketSet.of(box(f, false));
        }
        Set<String> from = Set.copyOf(f.strings("fromZones"));
        Set<String> to = Set.copyOf(f.strings("toZones"));
        SourceRef src = f.isNull("source_ref")
                ? SourceRef.line(file, n.line(), summary(action, match)) // hand-written: point at the rule itself
                : source(f.node("source_ref"), policyFile);
        String uncertain = f.nullableString("uncertain");
        PacketSet may = match;
        if (f.has("mayMatch")) {
            if (uncertain == null) throw new BadInputException(file, f.lineOf("mayMatch"), "'mayMatch' needs 'uncertain': the reason the rule is not exact");
            List<PacketBox> boxes = new ArrayList<>();
            for (Node b : f.array("mayMatch")) boxes.add(box(Fields.of(b, "mayMatch entry", file, BOX), true));
            may = PacketSet.union(boxes).union(match);
        }
        Translation t = f.isNull("translate") ? null : translation(f.node("translate"));
        if (t != null && action != Action.PERMIT) {
            throw new BadInputException(file, f.lineOf("translate"), "only a permit rule translates (the packets go on, translated)");
        }
        return new Rule(index, f.nullableString("name"), action, match, from, to, src, may, uncertain, t);
    }

    /** {@code translate: {destination: ADDR, port: N, toHost: BOOL}}: one address and one port at most. */
    private Translation translation(Node n) throws BadInputException {
        Fields f = Fields.of(n, "translate", file, TRANSLATE);
        IntervalSet d = f.isNull("destination") ? null : f.parse("destination", f.string("destination"), NeutralText::parseAddresses);
        IntervalSet p = f.isNull("port") ? null : f.parse("port", f.string("port"), NeutralText::parsePorts);
        boolean toHost = f.has("toHost") && f.bool("toHost");
        if (d != null && !d.size().equals(java.math.BigInteger.ONE)) {
            throw new BadInputException(file, f.lineOf("destination"), "'destination' of a translation must be one address");
        }
        if (p != null && !p.size().equals(java.math.BigInteger.ONE)) {
            throw new BadInputException(file, f.lineOf("port"), "'port' of a translation must be one port");
        }
        if (d == null && p == null && !toHost) {
            throw new BadInputException(file, f.line(), "a translation needs 'destination', 'port' or 'toHost: true'");
        }
        return new Translation(d, p, toHost);
    }

    /** One box from protocol/source/destination/ports/sourcePorts. */
    private PacketBox box(Fields f, boolean entry) throws BadInputException {
        IntervalSet p = f.parse("protocol", f.string("protocol"), NeutralText::parseProtocols);
        IntervalSet s = f.parse("source", f.string("source"), NeutralText::parseAddresses);
        IntervalSet d = f.parse("destination", f.string("destination"), NeutralText::parseAddresses);
        IntervalSet dp = f.parse("ports", f.string("ports", "any"), NeutralText::parsePorts);
        IntervalSet sp = f.parse("sourcePorts", f.string("sourcePorts", "any"), NeutralText::parsePorts);
        boolean restricted = !dp.equals(Ports.ALL) || !sp.equals(Ports.ALL);
        if (restricted && !p.isEmpty() && !PORTED.containsAll(p)) {
            // a box restricts ports only for protocols that have them (see PacketBox); saying otherwise is a mistake
            throw new BadInputException(file, f.lineOf(f.has("ports") ? "ports" : "sourcePorts"), "ports apply only to TCP, UDP and SCTP, "
                    + "but protocol is " + NeutralText.protocols(p) + (entry ? "" : "; name the protocols (e.g. TCP+UDP) or use a 'match' list"));
        }
        return new PacketBox(p, s, d, sp, dp);
    }

    /** With a 'match' list the flat fields only summarise it; a summary that disagrees means an edit went to the wrong place. */
    private void checkSummary(Fields f, PacketSet match) throws BadInputException {
        PacketBox b = match.bounds();
        check(f, "protocol", b.protocols(), NeutralText::parseProtocols);
        check(f, "source", b.sources(), NeutralText::parseAddresses);
        check(f, "destination", b.destinations(), NeutralText::parseAddresses);
        check(f, "ports", b.destinationPorts(), NeutralText::parsePorts);
        if (f.has("sourcePorts")) check(f, "sourcePorts", b.sourcePorts(), NeutralText::parsePorts);
    }

    private void check(Fields f, String key, IntervalSet expected, java.util.function.Function<String, IntervalSet> parser)
            throws BadInputException {
        if (f.isNull(key)) return;
        IntervalSet given = f.parse(key, f.string(key), parser);
        if (!given.equals(expected)) {
            throw new BadInputException(file, f.lineOf(key), "'" + key + "' does not summarise the rule's 'match' list; "
                    + "edit 'match' (the exact rule) or remove the summary fields");
        }
    }

    private SourceRef source(Node n, String defaultFile) throws BadInputException {
        Fields f = Fields.of(n, "source_ref", file, SOURCE);
        String fileName = defaultFile == null ? f.string("file") : f.string("file", defaultFile);
        return new SourceRef(fileName, f.integer("line", 0), f.nullableString("sheet"), f.nullableString("cell"),
                f.nullableString("text"));
    }

    private NatRule nat(Node n) throws BadInputException {
        Fields f = Fields.of(n, "nat rule", file, NAT);
        IntervalSet mapped = f.parse("mapped", f.string("mapped"), NeutralText::parseAddresses);
        IntervalSet real = f.parse("real", f.string("real"), NeutralText::parseAddresses);
        SourceRef src = f.isNull("source_ref") ? null : source(f.node("source_ref"), policyFile);
        return new NatRule(mapped, real, f.bool("aclSeesReal"), src);
    }

    private Diagnostic diagnostic(Node n) throws BadInputException {
        Fields f = Fields.of(n, "diagnostic", file, DIAGNOSTIC);
        String c = f.string("category").strip().toUpperCase(Locale.ROOT);
        Diagnostic.Category cat;
        try {
            cat = Diagnostic.Category.valueOf(c);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, f.lineOf("category"), "category '" + f.string("category")
                    + "' is not ignored, unsupported or unrecognized");
        }
        return new Diagnostic(f.string("file", policyFile), f.integer("line", 0), cat, f.nullableString("text"),
                f.string("message"));
    }

    static Action action(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("'" + s.strip() + "' is not permit or deny");
        };
    }

    /** A one-line description of a hand-written rule, used as its source text. */
    private static String summary(Action a, PacketSet m) {
        PacketBox b = m.bounds();
        return a.json() + " " + NeutralText.protocols(b.protocols()) + " " + NeutralText.addresses(b.sources()) + " -> "
                + NeutralText.addresses(b.destinations()) + " ports " + NeutralText.ports(b.destinationPorts());
    }
}
