package io.lyncaudit.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lyncaudit.audit.PacketTrace;
import io.lyncaudit.importer.iptables.IptablesImporter;
import io.lyncaudit.importer.nftables.NftablesImporter;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.Ports;
import io.lyncaudit.policy.Hook;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.report.Trace;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux kernel as the oracle of `lyncaudit trace`: rulesets are loaded into a throw-away
 * network-namespace router ({@link NetnsLab}), new TCP and UDP connections are sent through it from
 * many source addresses, and what arrives on the far side (and at what destination, after DNAT) or
 * at the router itself must be what {@link PacketTrace} says, packet for packet. A verdict the trace
 * calls uncertain is not compared (and counted). Rulesets: every iptables-save and nftables fixture
 * of the importers, the trace and the samples that iptables-restore or nft accept, and seeded
 * random rulesets over every table, hook, priority, user chain, set, map, NOTRACK, DNAT and
 * REDIRECT construct ({@link RandomIptables}, {@link RandomNft}).
 *
 * <p>Skipped, with the reason, where the lab cannot run. {@code -Dlyncaudit.kernel.rulesets=N} sets
 * how many random rulesets are compared (default 40).
 */
class KernelOracleTest {
    private static final int RULESETS = Integer.getInteger("lyncaudit.kernel.rulesets", 40);
    private static final long SEED = Long.getLong("lyncaudit.kernel.seed", 20261207L);

    /** What was compared, for the summary line. */
    private static final class Tally {
        int rulesets, refused, compared, uncertain, translated, local;
        final List<String> mismatches = new ArrayList<>();
        final List<String> refusedNames = new ArrayList<>();
        final List<String> variants = new ArrayList<>();
    }

    private static final Tally FIXTURES = new Tally(), RANDOM = new Tally(), NFT_FIXTURES = new Tally(), NFT_RANDOM = new Tally();

    @BeforeAll
    static void needsTheLab() {
        assumeTrue(NetnsLab.unavailable() == null, () -> "NetnsLab unavailable: " + NetnsLab.unavailable());
    }

    @AfterAll
    static void summary() throws java.io.IOException {
        List<String> all = new ArrayList<>(FIXTURES.mismatches);
        all.addAll(RANDOM.mismatches);
        all.addAll(NFT_FIXTURES.mismatches);
        all.addAll(NFT_RANDOM.mismatches);
        if (!all.isEmpty()) Files.writeString(Path.of("target/kernel-oracle-mismatches.txt"), String.join("\n\n", all));
        for (Object[] t : new Object[][] {{"iptables fixtures", FIXTURES}, {"iptables random", RANDOM}, {"nftables fixtures", NFT_FIXTURES},
            {"nftables random", NFT_RANDOM}}) {
            Tally x = (Tally) t[1];
            if (x.rulesets + x.refused == 0) continue;
            System.out.println("KernelOracleTest " + t[0] + ": " + x.rulesets + " rulesets, " + x.compared + " packets compared ("
                    + x.translated + " translated, " + x.local + " to the router itself), " + x.uncertain + " uncertain verdicts not compared, "
                    + x.refused + " refused by the kernel's tools " + x.refusedNames + ", " + x.variants.size() + " compared without the lines the kernel refuses "
                    + x.variants + ", " + x.mismatches.size() + " mismatches");
        }
    }

    @Test
    void everyIptablesFixtureAgreesWithTheKernel(@TempDir Path tmp) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/importer/iptables"))) {
            s.filter(p -> p.toString().endsWith(".rules")).sorted().forEach(files::add);
        }
        files.add(Path.of("src/test/resources/trace/edge-path.rules"));
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            s.filter(p -> p.toString().endsWith(".rules")).sorted().forEach(files::add);
        }
        Random rnd = new Random(SEED);
        for (Path f : files) {
            ImportResult ir = new IptablesImporter().importFile(f, f.toString());
            String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
            boolean v6 = text.contains("ip6tables-save");
            List<String> ifaces = interfaces(ir);
            try (NetnsLab lab = NetnsLab.create(ifaces)) {
                if (v6 && !lab.ipv6()) continue;
                if (!load(lab, text, v6)) {
                    // the fixture holds lines the kernel refuses on purpose: compare on it without them
                    text = withoutUnreadLines(text, ir);
                    Path variant = tmp.resolve(f.getFileName().toString());
                    Files.writeString(variant, text);
                    ir = new IptablesImporter().importFile(variant, f.toString());
                    if (!load(lab, text, v6)) {
                        FIXTURES.refused++;
                        FIXTURES.refusedNames.add(f.getFileName().toString());
                        continue;
                    }
                    FIXTURES.variants.add(f.getFileName().toString());
                }
                FIXTURES.rulesets++;
                compareAll(lab, ir, f.toString(), probesFor(ir, v6, rnd, 160), FIXTURES);
            }
        }
        assertTrue(FIXTURES.rulesets >= 8, "most fixtures load: " + FIXTURES.rulesets + " did, refused " + FIXTURES.refusedNames);
        assertTrue(FIXTURES.mismatches.isEmpty(), String.join("\n\n", FIXTURES.mismatches.subList(0, Math.min(5, FIXTURES.mismatches.size()))));
    }

    @Test
    void randomIptablesRulesetsAgreeWithTheKernel(@TempDir Path tmp) throws Exception {
        random(tmp, RANDOM, SEED, ".rules", RandomIptables::generate, f -> new IptablesImporter().importFile(f, f.getFileName().toString()),
                NetnsLab::loadIptables, "eth0");
    }

    /** The ruleset text of a seed, its import, and how the lab loads it. */
    private interface Gen {
        String text(long seed);
    }

    private interface Import {
        ImportResult of(Path file) throws Exception;
    }

    private interface Load {
        void into(NetnsLab lab, String text);
    }

    /**
     * {@link #RULESETS} random rulesets, each loaded into a fresh router and probed from three
     * interface pairs and towards the router itself (from {@code localIn}).
     */
    private static void random(Path tmp, Tally tally, long base, String ext, Gen gen, Import imp, Load load, String localIn) throws Exception {
        Random rnd = new Random(base);
        try (NetnsLab lab = NetnsLab.create(RandomIptables.IFACES)) {
            for (int i = 0; i < RULESETS; i++) {
                long seed = base + i;
                String text = gen.text(seed);
                Path file = tmp.resolve("random-" + seed + ext);
                Files.writeString(file, text);
                ImportResult ir = imp.of(file);
                lab.reset();
                load.into(lab, text);
                tally.rulesets++;
                Set<String> used = new HashSet<>();
                List<Batch> batches = new ArrayList<>();
                for (String[] d : new String[][] {{"eth0", "eth1"}, {"eth1", "eth0"}, {"eth2", "eth1"}}) {
                    batches.add(new Batch(d[0], d[1], RandomIptables.probes(rnd, 120, used)));
                }
                List<Probe> local = new ArrayList<>();
                for (Probe p : RandomIptables.probes(rnd, 40, used)) {
                    Probe q = new Probe(p.protocol(), p.src(), p.sport(), lab.address(RandomIptables.IFACES.get(rnd.nextInt(3))), p.dport());
                    if (used.add(q.toString())) local.add(q);
                }
                batches.add(new Batch(localIn, Hook.HOST, local));
                compare(lab, ir, "random ruleset seed " + seed + " (" + ext + "):\n" + text, batches, tally);
                if (tally.mismatches.size() > 5) break;
            }
        }
        assertTrue(tally.mismatches.isEmpty(), tally.mismatches.size() + " mismatches; first:\n"
                + String.join("\n\n", tally.mismatches.subList(0, Math.min(3, tally.mismatches.size()))));
        assertTrue(tally.compared > tally.rulesets * 200, "most verdicts are exact and compared: " + tally.compared + " of "
                + (tally.compared + tally.uncertain));
    }

    @Test
    void everyNftablesFixtureAgreesWithTheKernel(@TempDir Path tmp) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/importer/nftables"))) {
            s.filter(p -> p.toString().endsWith(".nft") || p.toString().endsWith(".json") || p.toString().endsWith(".conf"))
                    .filter(p -> !p.toString().contains("golden") && !p.getParent().endsWith("includes")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            s.filter(p -> p.toString().endsWith(".nft")).sorted().forEach(files::add);
        }
        Random rnd = new Random(SEED);
        for (Path f : files) {
            ImportResult ir;
            try {
                ir = new NftablesImporter().importFile(f, f.toString());
            } catch (io.lyncaudit.model.BadInputException e) {
                continue; // a fixture of bad input
            }
            boolean json = f.toString().endsWith(".json");
            String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
            try (NetnsLab lab = NetnsLab.create(interfaces(ir))) {
                if (!loadNft(lab, f, json)) {
                    NFT_FIXTURES.refused++;
                    NFT_FIXTURES.refusedNames.add(f.getFileName().toString());
                    continue;
                }
                NFT_FIXTURES.rulesets++;
                boolean v6 = text.contains("ip6 ") && !text.contains("ip saddr") && !text.contains("ip daddr");
                compareAll(lab, ir, f.toString(), probesFor(ir, v6, rnd, 160), NFT_FIXTURES);
            }
        }
        assertTrue(NFT_FIXTURES.rulesets >= 4, "most fixtures load: " + NFT_FIXTURES.rulesets + " did, refused " + NFT_FIXTURES.refusedNames);
        assertTrue(NFT_FIXTURES.mismatches.isEmpty(),
                String.join("\n\n", NFT_FIXTURES.mismatches.subList(0, Math.min(5, NFT_FIXTURES.mismatches.size()))));
    }

    @Test
    void randomNftablesRulesetsAgreeWithTheKernel(@TempDir Path tmp) throws Exception {
        random(tmp, NFT_RANDOM, SEED + 100_000, ".nft", RandomNft::generate, f -> new NftablesImporter().importFile(f, f.getFileName().toString()),
                NetnsLab::loadNft, "eth1");
    }

    private static boolean loadNft(NetnsLab lab, Path f, boolean json) throws java.io.IOException {
        try {
            if (json) lab.loadNftJson(Files.readString(f));
            else lab.loadNftFile(f);
            return true;
        } catch (AssertionError | java.io.IOException refused) {
            return false;
        }
    }

    private static boolean load(NetnsLab lab, String text, boolean v6) {
        try {
            if (v6) lab.loadIp6tables(text);
            else lab.loadIptables(text);
            return true;
        } catch (AssertionError refused) {
            return false;
        }
    }

    /** The text without the rule lines the import could not read or follow (unknown options, missing chains, loops). */
    private static String withoutUnreadLines(String text, ImportResult ir) {
        Set<Integer> drop = new HashSet<>();
        for (io.lyncaudit.policy.Diagnostic d : ir.diagnostics()) {
            boolean rule = d.text() != null && (d.text().startsWith("-A ") || d.text().startsWith("["));
            if (rule && d.category() != io.lyncaudit.policy.Diagnostic.Category.IGNORED) drop.add(d.line());
        }
        String[] lines = text.split("\n", -1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (drop.contains(i + 1) || lines[i].indexOf('\0') >= 0) continue;
            s.append(lines[i]).append('\n');
        }
        return s.toString();
    }

    /** Probes sent from {@code in}; {@code out} is the egress, or {@value Hook#HOST} for packets to the router itself. */
    private record Batch(String in, String out, List<Probe> probes) {}

    /** Every ordered pair of interfaces, and packets to the router from each interface. */
    private static void compareAll(NetnsLab lab, ImportResult ir, String label, List<Probe> pool, Tally tally) {
        List<String> ifaces = lab.interfaces();
        List<Batch> batches = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int k = 0;
        for (String in : ifaces) {
            for (String out : ifaces) {
                if (in.equals(out)) continue;
                List<Probe> b = new ArrayList<>();
                for (Probe p : pool) {
                    Probe q = used.contains(p.toString()) ? new Probe(p.protocol(), p.src(), 1024 + (k++ % 60000), p.dst(), p.dport()) : p;
                    if (used.add(q.toString())) b.add(q);
                }
                batches.add(new Batch(in, out, b));
            }
            List<Probe> local = new ArrayList<>();
            for (Probe p : pool.subList(0, Math.min(40, pool.size()))) {
                String own = p.v6() ? lab.address6(in) : lab.address(in);
                if (own == null) continue;
                Probe q = new Probe(p.protocol(), p.src(), 1024 + (k++ % 60000), own, p.dport());
                if (used.add(q.toString())) local.add(q);
            }
            batches.add(new Batch(in, Hook.HOST, local));
        }
        compare(lab, ir, label, batches, tally);
    }

    private static void compare(NetnsLab lab, ImportResult ir, String label, List<Batch> batches, Tally tally) {
        PacketTrace trace = PacketTrace.of(ir);
        for (Batch b : batches) {
            if (b.probes().isEmpty()) continue;
            String egress = b.out().equals(Hook.HOST) ? lab.interfaces().get(lab.interfaces().get(0).equals(b.in()) ? 1 : 0) : b.out();
            List<Outcome> outcomes = lab.send(b.in(), egress, b.probes());
            for (int i = 0; i < outcomes.size(); i++) {
                Probe p = b.probes().get(i);
                Outcome o = outcomes.get(i);
                Trace t = trace.trace(p.toString(), b.in(), b.out());
                if (t.uncertainty() != null) {
                    tally.uncertain++;
                    continue;
                }
                tally.compared++;
                String why = disagreement(p, o, t, b.out());
                if (t.translated() != null) tally.translated++;
                if (o.kind() == Outcome.Kind.LOCAL) tally.local++;
                if (why != null) {
                    StringBuilder s = new StringBuilder(why).append("\n  packet ").append(p).append(" in ").append(b.in()).append(" out ")
                            .append(b.out()).append("\n  kernel: ").append(o).append("\n  trace:  ").append(t.verdict());
                    for (Trace.Stage st : t.stages()) s.append("\n    ").append(st.name()).append(' ').append(st.action()).append(' ').append(st.text());
                    s.append("\n  in ").append(label);
                    tally.mismatches.add(s.toString());
                }
            }
        }
    }

    /** Why the kernel's outcome is not the trace's verdict, or null when they agree. */
    private static String disagreement(Probe p, Outcome o, Trace t, String out) {
        boolean permit = t.verdict().equals("permit");
        if (out.equals(Hook.HOST)) {
            boolean local = o.kind() == Outcome.Kind.LOCAL;
            return permit == local ? null : "to the router itself: trace says " + t.verdict() + ", kernel " + o.kind();
        }
        boolean forwarded = o.kind() == Outcome.Kind.FORWARDED;
        if (permit != forwarded) return "trace says " + t.verdict() + ", kernel " + o.kind();
        if (!forwarded) return null;
        if (!out.equals(o.iface())) return "forwarded by " + o.iface() + ", not " + out;
        Packet expect = Packet.parse(t.translated() != null ? t.translated() : p.toString());
        String dst = expect.destinationText();
        if (!dst.equals(o.dst()) || expect.destinationPort() != o.dport()) {
            return "arrived at " + Outcome.endpoint(o.dst(), o.dport()) + ", trace says " + Outcome.endpoint(dst, expect.destinationPort());
        }
        return null;
    }

    /** The interfaces the export names (as a lab can create them), at least two, at most four. */
    private static List<String> interfaces(ImportResult ir) {
        Set<String> s = new TreeSet<>();
        for (Policy p : ir.policies()) {
            if (p.binding() != null) s.add(p.binding().iface());
            for (Rule r : p.rules()) {
                s.addAll(r.fromZones());
                s.addAll(r.toZones());
            }
        }
        s.removeIf(n -> n.equals(Hook.HOST) || n.equals("lo") || !n.matches("[A-Za-z][A-Za-z0-9_.-]{0,14}"));
        List<String> out = new ArrayList<>(s);
        for (String d : List.of("eth0", "eth1", "eth2")) if (out.size() < 2 && !out.contains(d)) out.add(d);
        return out.subList(0, Math.min(4, out.size()));
    }

    /**
     * Packets around every edge the export draws: the first and last address and port of each rule's
     * match, one step outside them, and translation targets, combined at random; usable ones only.
     */
    private static List<Probe> probesFor(ImportResult ir, boolean v6, Random rnd, int n) {
        Set<BigInteger> addrs = new LinkedHashSet<>();
        Set<Integer> ports = new TreeSet<>(List.of(22, 53, 80, 443, 3478, 5061));
        IntervalSet family = v6 ? Addresses.ALL_V6 : Addresses.ALL_V4;
        for (Policy p : ir.policies()) {
            for (Rule r : p.rules()) {
                if (r.translation() != null && r.translation().destination() != null) addrs.add(r.translation().destination().first());
                for (PacketBox b : r.match().boxes()) {
                    for (IntervalSet a : List.of(b.sources(), b.destinations())) {
                        IntervalSet in = a.intersect(family);
                        for (int i = 0; i < in.intervalCount() && i < 8; i++) {
                            addrs.add(in.start(i));
                            addrs.add(in.end(i));
                            addrs.add(in.start(i).subtract(BigInteger.ONE));
                            addrs.add(in.end(i).add(BigInteger.ONE));
                        }
                    }
                    for (IntervalSet ps : List.of(b.destinationPorts(), b.sourcePorts())) {
                        if (ps.equals(Ports.ALL)) continue;
                        for (int i = 0; i < ps.intervalCount() && i < 8; i++) {
                            for (long v : new long[] {ps.startLong(i), ps.endLong(i), ps.startLong(i) - 1, ps.endLong(i) + 1}) {
                                if (v >= 1 && v <= 65535) ports.add((int) v);
                            }
                        }
                    }
                }
            }
        }
        List<String> usable = new ArrayList<>();
        for (BigInteger a : addrs) {
            if (a.signum() < 0 || !family.intersects(IntervalSet.of(a, a))) continue;
            String text = Addresses.formatPoint(a);
            if (ProbeAddresses.unusable(text) == null) usable.add(ProbeAddresses.canonical(text));
        }
        for (String extra : v6 ? List.of("2001:db8:1::7", "2001:db8:2::10") : List.of("192.0.2.77", "198.51.100.7", "203.0.113.99")) {
            usable.add(ProbeAddresses.canonical(extra));
        }
        List<Integer> portList = new ArrayList<>(ports);
        List<Probe> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n * 4 && out.size() < n; i++) {
            String src = usable.get(rnd.nextInt(usable.size())), dst = usable.get(rnd.nextInt(usable.size()));
            if (src.equals(dst)) continue;
            int dport = portList.get(rnd.nextInt(portList.size()));
            int sport = rnd.nextInt(6) == 0 ? portList.get(rnd.nextInt(portList.size())) : 1024 + rnd.nextInt(60000);
            Probe p = rnd.nextBoolean() ? Probe.tcp(src, sport, dst, dport) : Probe.udp(src, sport, dst, dport);
            if (seen.add(p.toString())) out.add(p);
        }
        return out;
    }

}
