package io.lyncaudit.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away Linux router in network namespaces, to ask the real kernel what a ruleset does with
 * a packet: the oracle the product's iptables and nftables answers are checked against.
 *
 * <p>The lab is a router namespace R with the interfaces the caller names, and behind each of them an
 * end namespace joined to R by a veth pair. Link {@code i} (the {@code i}-th name given) is
 * {@code 198.18.i.0/24} and {@code 2001:2:0:i::/64}, R being {@code .1}/{@code ::1} and the end
 * {@code .2}/{@code ::2} (see {@link ProbeAddresses} for the ranges and which probe addresses are
 * usable); R knows each end's MAC statically, so no packet waits for ARP or neighbour discovery. R
 * forwards IPv4 and IPv6, with rp_filter off (all, default and every interface) so that a packet from
 * any source is forwarded, and redirects off. For each batch R's default routes point through the end
 * behind the batch's egress interface, so whatever the destination, what arrives there depends on
 * netfilter only.
 *
 * <p>Namespaces are named {@code lka<pid>-<lab>g<generation>-r} and {@code ...-e<i>}, so parallel JVMs
 * and leftovers never collide; {@link #close()} deletes them, a JVM shutdown hook deletes those of labs
 * a test did not close, and the first lab of a JVM deletes the leftovers of JVMs that are gone.
 * Nothing is done in the caller's own network namespace.
 *
 * <p>Packets are crafted, sent and watched by {@code src/test/resources/kernel/netns_probe.py}, one
 * Python process per batch; see there how a packet is recognised after NAT and why a raw socket in R
 * means "passed INPUT".
 *
 * <pre>{@code
 * assumeTrue(NetnsLab.unavailable() == null, NetnsLab.unavailable());
 * try (NetnsLab lab = NetnsLab.create(List.of("eth0", "eth1"))) {
 *     lab.loadIptables(text);
 *     List<Outcome> out = lab.send("eth0", "eth1", List.of(Probe.tcp("198.51.100.7", 40001, "10.45.16.10", 5061)));
 * }
 * }</pre>
 */
public final class NetnsLab implements AutoCloseable {
    private static final String PREFIX = "lka";
    private static final long PID = ProcessHandle.current().pid();
    private static final Path NETNS_DIR = Path.of("/var/run/netns");
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)-.*");
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");
    private static final String END_IF = "uplink";
    private static final int MAX_INTERFACES = 16;
    private static final int MAX_PROBES = 1_000_000;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger LABS = new AtomicInteger();
    private static final Set<NetnsLab> LIVE = Collections.synchronizedSet(new HashSet<>());
    private static final SecureRandom RANDOM = new SecureRandom();

    private static boolean checked;
    private static String unavailableReason;
    private static Tools tools;
    private static boolean swept;
    private static boolean hookAdded;
    private static Path probeScript;

    private final int number = LABS.incrementAndGet();
    private final List<String> interfaces;
    private final Path dir;
    private final boolean ipv6;
    private final Set<String> usedTuples = new HashSet<>();
    private int generation = -1;
    private String currentEgress;
    private boolean closed;
    private volatile List<String> namespaces = List.of();
    private Duration quiet = Duration.ofMillis(150);
    private int files;

    /** Absolute paths of the programs the lab runs. */
    private record Tools(String ip, String nft, String iptablesRestore, String ip6tablesRestore, String python) {}

    /** A finished program: exit code, stdout and stderr. */
    private record Result(int exit, String out, String err) {
        String both() {
            return (err.strip() + "\n" + out.strip()).strip();
        }
    }

    private NetnsLab(List<String> interfaces, Path dir) {
        this.interfaces = List.copyOf(interfaces);
        this.dir = dir;
        this.ipv6 = Files.isDirectory(Path.of("/proc/sys/net/ipv6"));
    }

    // ---- availability --------------------------------------------------------------------------

    /**
     * Null when labs can be created on this machine, otherwise why not (not Linux, not root, a program
     * missing, namespaces refused). Checked once per JVM; a reason is also printed once to stderr.
     * Tests call {@code assumeTrue(NetnsLab.unavailable() == null, NetnsLab.unavailable())}, so a
     * machine without the means skips them, with the reason, rather than failing or passing.
     */
    public static synchronized String unavailable() {
        if (!checked) {
            checked = true;
            unavailableReason = check();
            if (unavailableReason != null) {
                System.err.println("NetnsLab: the Linux-kernel oracle tests are skipped: " + unavailableReason);
            }
        }
        return unavailableReason;
    }

    private static String check() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "not Linux (" + System.getProperty("os.name") + ")";
        }
        try {
            Matcher uid = Pattern.compile("(?m)^Uid:\\s+\\d+\\s+(\\d+)").matcher(Files.readString(Path.of("/proc/self/status")));
            if (!uid.find() || !uid.group(1).equals("0")) return "not root (network namespaces need root)";
        } catch (IOException e) {
            return "cannot read /proc/self/status: " + e.getMessage();
        }
        Map<String, String> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : List.of("ip", "nft", "iptables-restore", "ip6tables-restore", "python3")) {
            String path = which(name);
            if (path == null) missing.add(name); else found.put(name, path);
        }
        if (!missing.isEmpty()) {
            return "missing: " + String.join(", ", missing) + " (Debian: apt-get install iproute2 iptables nftables python3)";
        }
        Tools t = new Tools(found.get("ip"), found.get("nft"), found.get("iptables-restore"), found.get("ip6tables-restore"),
                found.get("python3"));
        try {
            Path tmp = Files.createTempDirectory("lka-check");
            try {
                Result py = exec(tmp, null, t.python(), "-c",
                        "import ctypes, socket, sys; socket.AF_PACKET; ctypes.CDLL(None).setns; sys.exit(0 if sys.version_info >= (3, 6) else 1)");
                if (py.exit() != 0) return "python3 (" + t.python() + ") lacks AF_PACKET or setns, or is older than 3.6: " + py.both();
                String name = PREFIX + PID + "-check";
                Result add = exec(tmp, null, t.ip(), "netns", "add", name);
                if (add.exit() != 0) return "network namespace creation refused: " + add.both();
                Result del = exec(tmp, null, t.ip(), "netns", "delete", name);
                if (del.exit() != 0) return "network namespace deletion failed: " + del.both();
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            return "cannot run the lab's programs: " + e.getMessage();
        }
        tools = t;
        return null;
    }

    /** The absolute path of an executable on PATH (or in the sbin directories root's PATH has), else null. */
    private static String which(String name) {
        List<String> dirs = new ArrayList<>();
        if (name.equals("python3")) dirs.add("/usr/bin"); // the system Python before any shim on PATH
        dirs.addAll(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String d : dirs) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toAbsolutePath().toString();
        }
        return null;
    }

    // ---- life cycle ----------------------------------------------------------------------------

    /**
     * A new lab whose router R has these interfaces (1 to 16 names the ruleset under test uses, up to
     * 15 characters each, e.g. {@code eth0}, {@code wan}, {@code lan0}), each with an end namespace
     * behind it. Throws IllegalStateException when {@link #unavailable()} is not null.
     */
    public static NetnsLab create(List<String> interfaces) {
        String why = unavailable();
        if (why != null) throw new IllegalStateException("NetnsLab is unavailable: " + why);
        if (interfaces.isEmpty() || interfaces.size() > MAX_INTERFACES) {
            throw new IllegalArgumentException("1 to " + MAX_INTERFACES + " interfaces, not " + interfaces.size());
        }
        for (String name : interfaces) {
            if (!IFNAME.matcher(name).matches() || name.equals("lo")) throw new IllegalArgumentException("not a usable interface name: " + name);
        }
        if (new HashSet<>(interfaces).size() != interfaces.size()) throw new IllegalArgumentException("an interface is named twice: " + interfaces);
        prepareOnce();
        NetnsLab lab;
        try {
            lab = new NetnsLab(interfaces, Files.createTempDirectory("lka-lab"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LIVE.add(lab);
        try {
            lab.build();
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /**
     * Starts again from a fresh R and fresh ends: no ruleset, no conntrack state, no 5-tuple used, so
     * one lab serves several rulesets with nothing leaking from one to the next.
     */
    public synchronized void reset() {
        requireOpen();
        teardown();
        build();
    }

    /** Deletes the lab's namespaces and files; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        teardown();
        deleteTree(dir);
        LIVE.remove(this);
    }

    private static synchronized void prepareOnce() {
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (NetnsLab lab : List.copyOf(LIVE)) {
                    lab.teardown(); // not close(): a test thread may hold the lock while the JVM exits
                    deleteTree(lab.dir);
                }
            }, "netns-lab-cleanup"));
        }
        if (!swept) {
            swept = true;
            sweepLeftovers();
        }
        if (probeScript == null) {
            try (InputStream in = NetnsLab.class.getResourceAsStream("/kernel/netns_probe.py")) {
                if (in == null) throw new IllegalStateException("kernel/netns_probe.py is not on the test class path");
                Path p = Files.createTempFile("netns_probe", ".py");
                Files.write(p, in.readAllBytes());
                p.toFile().deleteOnExit();
                probeScript = p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes namespaces named like ours whose process is gone (a JVM killed before its shutdown hook ran). */
    private static void sweepLeftovers() {
        if (!Files.isDirectory(NETNS_DIR)) return;
        List<String> stale = new ArrayList<>();
        try (Stream<Path> entries = Files.list(NETNS_DIR)) {
            for (Path p : entries.toList()) {
                Matcher m = OURS.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid != PID && ProcessHandle.of(pid).isEmpty()) stale.add(p.getFileName().toString());
            }
        } catch (IOException | NumberFormatException e) {
            return;
        }
        if (stale.isEmpty()) return;
        Collections.sort(stale);
        System.err.println("NetnsLab: deleting namespaces left by processes that are gone: " + stale);
        deleteNamespaces(stale);
    }

    private String name(String role) {
        return PREFIX + PID + "-" + number + "g" + generation + "-" + role;
    }

    private String router() {
        return name("r");
    }

    private String end(int i) {
        return name("e" + i);
    }

    private static String mac(int link, int side) {
        return String.format(Locale.ROOT, "02:6c:6b:00:%02x:%02x", link, side);
    }

    private void build() {
        generation++;
        usedTuples.clear();
        currentEgress = null;
        List<String> names = new ArrayList<>();
        names.add(router());
        for (int i = 0; i < interfaces.size(); i++) names.add(end(i));
        namespaces = List.copyOf(names); // before any is created, so the shutdown hook sees them

        String ip = tools.ip();
        StringBuilder s = new StringBuilder("set -e\n");
        for (String n : names) s.append(ip).append(" netns add ").append(n).append('\n');
        if (ipv6 && ipv6DisabledInNewNamespaces()) {
            // IPv6 addresses can only be added where IPv6 is on, and the links inherit "default"
            String on = "echo 0 > /proc/sys/net/ipv6/conf/all/disable_ipv6; echo 0 > /proc/sys/net/ipv6/conf/default/disable_ipv6";
            for (String n : names) s.append(ip).append(" netns exec ").append(n).append(" sh -c '").append(on).append("'\n");
        }
        // one ip process per namespace: R first, as its links create the ends' uplinks
        s.append(ip).append(" -n ").append(router()).append(" -batch ").append(write("router", ".batch", routerLinks())).append('\n');
        for (int i = 0; i < interfaces.size(); i++) {
            s.append(ip).append(" -n ").append(end(i)).append(" -batch ").append(write("end" + i, ".batch", endLink(i))).append('\n');
        }
        // once every interface exists: rp_filter is max(all, interface) and redirects are sent if all or
        // the interface says so, hence the glob; the ends never forward (a host's ip_forward=1 may have
        // been passed on to new namespaces)
        String routerSysctl = "for f in /proc/sys/net/ipv4/conf/*/rp_filter /proc/sys/net/ipv4/conf/*/send_redirects; do echo 0 > $f; done;"
                + " echo 1 > /proc/sys/net/ipv4/ip_forward" + (ipv6 ? "; echo 1 > /proc/sys/net/ipv6/conf/all/forwarding" : "");
        String endSysctl = "echo 0 > /proc/sys/net/ipv4/ip_forward" + (ipv6 ? "; echo 0 > /proc/sys/net/ipv6/conf/all/forwarding" : "");
        s.append(ip).append(" netns exec ").append(router()).append(" sh -c '").append(routerSysctl).append("'\n");
        for (int i = 0; i < interfaces.size(); i++) {
            s.append(ip).append(" netns exec ").append(end(i)).append(" sh -c '").append(endSysctl).append("'\n");
        }
        Result res = execIn(null, "/bin/sh", write("setup", ".sh", s.toString()).toString());
        if (res.exit() != 0) throw new IllegalStateException("building the lab failed: " + res.both() + "\nscript:\n" + s);
    }

    /** R's side, as {@code ip -batch} lines: a veth pair per interface, addresses, and each end's MAC for good. */
    private String routerLinks() {
        StringBuilder b = new StringBuilder("link set lo up\n");
        for (int i = 0; i < interfaces.size(); i++) {
            String ifc = interfaces.get(i);
            b.append("link add ").append(ifc).append(" address ").append(mac(i, 1)).append(" type veth peer name ").append(END_IF)
                    .append(" address ").append(mac(i, 2)).append(" netns ").append(end(i)).append('\n');
            b.append("addr add ").append(v4(i, 1)).append("/24 dev ").append(ifc).append('\n');
            if (ipv6) b.append("addr add ").append(v6(i, 1)).append("/64 dev ").append(ifc).append(" nodad\n");
            b.append("link set ").append(ifc).append(" up\n");
            // static neighbours: no packet of a batch waits for ARP or neighbour discovery, or is lost to it
            b.append("neigh replace ").append(v4(i, 2)).append(" lladdr ").append(mac(i, 2)).append(" dev ").append(ifc).append(" nud permanent\n");
            if (ipv6) b.append("neigh replace ").append(v6(i, 2)).append(" lladdr ").append(mac(i, 2)).append(" dev ").append(ifc).append(" nud permanent\n");
        }
        return b.toString();
    }

    /** End {@code i}'s side of its link, as {@code ip -batch} lines. */
    private String endLink(int i) {
        StringBuilder b = new StringBuilder("link set lo up\n");
        b.append("addr add ").append(v4(i, 2)).append("/24 dev ").append(END_IF).append('\n');
        if (ipv6) b.append("addr add ").append(v6(i, 2)).append("/64 dev ").append(END_IF).append(" nodad\n");
        b.append("link set ").append(END_IF).append(" up\n");
        return b.toString();
    }

    /**
     * True when a new namespace would start with IPv6 disabled: it inherits the host's setting
     * (net.core.devconf_inherit_init_net 1 or 3) and the host has it disabled.
     */
    private static boolean ipv6DisabledInNewNamespaces() {
        try {
            String inherit = Files.readString(Path.of("/proc/sys/net/core/devconf_inherit_init_net")).strip();
            if (!inherit.equals("1") && !inherit.equals("3")) return false;
            return !Files.readString(Path.of("/proc/sys/net/ipv6/conf/default/disable_ipv6")).strip().equals("0")
                    || !Files.readString(Path.of("/proc/sys/net/ipv6/conf/all/disable_ipv6")).strip().equals("0");
        } catch (IOException e) {
            return true;
        }
    }

    private void teardown() {
        List<String> names = namespaces;
        namespaces = List.of();
        if (!names.isEmpty()) deleteNamespaces(names);
    }

    private static void deleteNamespaces(List<String> names) {
        Tools t = tools;
        if (t == null) return;
        try {
            Path tmp = Files.createTempDirectory("lka-del");
            try {
                StringBuilder b = new StringBuilder();
                for (String n : names) b.append("netns delete ").append(n).append('\n');
                Path batch = tmp.resolve("delete.batch");
                Files.writeString(batch, b);
                Result res = exec(tmp, null, t.ip(), "-force", "-batch", batch.toString());
                if (res.exit() != 0) {
                    List<String> left = names.stream().filter(n -> Files.exists(NETNS_DIR.resolve(n))).toList();
                    if (!left.isEmpty()) System.err.println("NetnsLab: could not delete " + left + ": " + res.both());
                }
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            System.err.println("NetnsLab: could not delete " + names + ": " + e.getMessage());
        }
    }

    // ---- what the caller sees ------------------------------------------------------------------

    /** The names of the lab's namespaces now (R first), for tests of the lab itself. */
    List<String> namespaces() {
        return namespaces;
    }

    /** R's interface names, in the order given. */
    public List<String> interfaces() {
        return interfaces;
    }

    /** True when the lab has IPv6 (the kernel has it); IPv6 probes and ip6tables need it. */
    public boolean ipv6() {
        return ipv6;
    }

    /** R's own IPv4 address on {@code iface} ({@code 198.18.i.1}): the destination of a LOCAL case. */
    public String address(String iface) {
        return v4(index(iface), 1);
    }

    /** R's own IPv6 address on {@code iface} ({@code 2001:2:0:i::1}), or null without IPv6. */
    public String address6(String iface) {
        int i = index(iface);
        return ipv6 ? v6(i, 1) : null;
    }

    /** How long a batch waits for late arrivals after the last packet of it arrived (150 ms unless set). */
    public synchronized void quietTime(Duration quietTime) {
        if (quietTime.isNegative() || quietTime.isZero()) throw new IllegalArgumentException("quiet time must be positive");
        this.quiet = quietTime;
    }

    private int index(String iface) {
        int i = interfaces.indexOf(iface);
        if (i < 0) throw new IllegalArgumentException("the lab has no interface " + iface + ", only " + interfaces);
        return i;
    }

    private static String v4(int link, int host) {
        return "198.18." + link + "." + host;
    }

    private static String v6(int link, int host) {
        return ProbeAddresses.canonical("2001:2:0:" + Integer.toHexString(link) + "::" + host);
    }

    private boolean ownAddress(String address) {
        for (String ifc : interfaces) {
            if (address.equals(address(ifc)) || address.equals(address6(ifc))) return true;
        }
        return false;
    }

    // ---- rulesets ------------------------------------------------------------------------------

    /** Loads iptables-save text into R with {@code iptables-restore}; a refusal fails the test with the tool's stderr. */
    public synchronized void loadIptables(String iptablesSave) {
        load("iptables-restore", iptablesSave, tools.iptablesRestore());
    }

    /** Loads ip6tables-save text into R with {@code ip6tables-restore}; a refusal fails the test with the tool's stderr. */
    public synchronized void loadIp6tables(String ip6tablesSave) {
        if (!ipv6) fail("this kernel has no IPv6");
        load("ip6tables-restore", ip6tablesSave, tools.ip6tablesRestore());
    }

    /** Loads an nftables ruleset (text) into R with {@code nft -f FILE}; a refusal fails the test with nft's stderr. */
    public synchronized void loadNft(String ruleset) {
        Path file = write("ruleset", ".nft", ruleset);
        load("nft -f", null, tools.nft(), "-f", file.toString());
    }

    /**
     * Loads an nftables source file as it stands into R with {@code nft -I DIR -f FILE}, DIR being the
     * file's directory, so its relative includes resolve as lyncaudit reads them (relative to the
     * including file); a refusal fails the test with nft's stderr.
     */
    public synchronized void loadNftFile(Path file) {
        Path abs = file.toAbsolutePath();
        load("nft -f", null, tools.nft(), "-I", abs.getParent().toString(), "-f", abs.toString());
    }

    /** Loads an nftables ruleset in JSON with {@code nft -j -f FILE}; a refusal fails the test with nft's stderr. */
    public synchronized void loadNftJson(String json) {
        Path file = write("ruleset", ".json", json);
        load("nft -j -f", null, tools.nft(), "-j", "-f", file.toString());
    }

    private void load(String what, String stdin, String... command) {
        requireOpen();
        List<String> cmd = new ArrayList<>(List.of(tools.ip(), "netns", "exec", router()));
        cmd.addAll(Arrays.asList(command));
        Path in = stdin == null ? null : write("stdin", ".txt", stdin);
        Result res = execIn(in, cmd.toArray(String[]::new));
        if (res.exit() != 0) fail(what + " refused the ruleset (exit " + res.exit() + "):\n" + res.both());
    }

    // ---- packets -------------------------------------------------------------------------------

    /**
     * Sends the probes, back to back, from the end namespace behind R's {@code ingress} interface to R,
     * with R's default routes through {@code egress}, and says for each (in order) what R did: FORWARDED
     * (with the interface it left by and the addresses and ports as it arrived), LOCAL or DROPPED.
     *
     * <p>Sources must be {@link ProbeAddresses#usable}; destinations too, or one of R's own addresses.
     * Every probe must be a new connection, so a 5-tuple may be used once per lab until {@link #reset()}.
     * Where the ruleset uses conntrack, each probe it lets through holds an entry until {@link #reset()};
     * a batch that fills R's table (net.netfilter.nf_conntrack_max, counted per namespace) throws
     * rather than report the kernel's drops as the ruleset's.
     */
    public synchronized List<Outcome> send(String ingress, String egress, List<Probe> probes) {
        requireOpen();
        int in = index(ingress);
        int out = index(egress);
        if (probes.size() > MAX_PROBES) throw new IllegalArgumentException("at most " + MAX_PROBES + " probes a batch");
        Set<String> batch = new HashSet<>();
        for (Probe p : probes) {
            if (p.v6() && !ipv6) throw new IllegalArgumentException("this kernel has no IPv6: " + p);
            String why = ProbeAddresses.unusable(p.src());
            if (why != null) throw new IllegalArgumentException("unusable source in " + p + ": " + why);
            why = ProbeAddresses.unusable(p.dst());
            if (why != null && !ownAddress(p.dst())) throw new IllegalArgumentException("unusable destination in " + p + ": " + why);
            String tuple = p.toString();
            if (!batch.add(tuple) || usedTuples.contains(tuple)) {
                throw new IllegalArgumentException("5-tuple used twice (it would not be a new connection; reset() the lab): " + p);
            }
        }
        if (probes.isEmpty()) return List.of();
        route(egress, out);

        int salt = RANDOM.nextInt(Integer.MAX_VALUE - MAX_PROBES);
        StringBuilder spec = new StringBuilder();
        spec.append("salt ").append(salt).append('\n');
        spec.append("quiet ").append(quiet.toMillis() / 1000.0).append('\n');
        spec.append("limit ").append(quiet.toMillis() / 1000.0 + 20).append('\n');
        spec.append("send ").append(end(in)).append(' ').append(END_IF).append(' ').append(mac(in, 2)).append(' ').append(mac(in, 1)).append('\n');
        for (int i = 0; i < interfaces.size(); i++) {
            spec.append("sniff ").append(interfaces.get(i)).append(' ').append(end(i)).append(' ').append(END_IF).append('\n');
        }
        spec.append("local ").append(router()).append('\n');
        for (Probe p : probes) {
            spec.append("probe ").append(p.protocol().name().toLowerCase(Locale.ROOT)).append(' ').append(p.src()).append(' ')
                    .append(p.sport()).append(' ').append(p.dst()).append(' ').append(p.dport()).append('\n');
        }
        Result res = execIn(write("batch", ".txt", spec.toString()), tools.python(), "-I", "-S", probeScript.toString());
        if (res.exit() != 0 || res.out().lines().noneMatch(l -> l.startsWith("done "))) {
            throw new IllegalStateException("the packet script failed (exit " + res.exit() + "): " + res.both());
        }
        Outcome[] outcomes = new Outcome[probes.size()];
        Arrays.fill(outcomes, Outcome.DROPPED);
        for (String line : res.out().split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("fwd") && w.length == 7) {
                outcomes[Integer.parseInt(w[1])] = new Outcome(Outcome.Kind.FORWARDED, w[2],
                        ProbeAddresses.canonical(w[3]), Integer.parseInt(w[4]), ProbeAddresses.canonical(w[5]), Integer.parseInt(w[6]));
            } else if (w[0].equals("local") && w.length == 6) {
                outcomes[Integer.parseInt(w[1])] = new Outcome(Outcome.Kind.LOCAL, null,
                        ProbeAddresses.canonical(w[2]), Integer.parseInt(w[3]), ProbeAddresses.canonical(w[4]), Integer.parseInt(w[5]));
            } else if (w[0].equals("conntrack") && w.length == 3 && Long.parseLong(w[1]) >= Long.parseLong(w[2])) {
                // a full table makes the kernel drop (or evict) new connections: DROPPED would be a lie
                throw new IllegalStateException("R's conntrack table is full (" + w[1] + " of net.netfilter.nf_conntrack_max " + w[2]
                        + "): send fewer probes between reset()s");
            }
        }
        for (Probe p : probes) usedTuples.add(p.toString());
        return List.of(outcomes);
    }

    /** Points R's default routes (IPv4 and IPv6) through the end behind {@code egress}. */
    private void route(String egress, int out) {
        if (egress.equals(currentEgress)) return;
        StringBuilder b = new StringBuilder();
        b.append("route replace default via ").append(v4(out, 2)).append(" dev ").append(egress).append('\n');
        if (ipv6) b.append("route replace default via ").append(v6(out, 2)).append(" dev ").append(egress).append('\n');
        Result res = execIn(null, tools.ip(), "-n", router(), "-batch", write("route", ".batch", b.toString()).toString());
        if (res.exit() != 0) throw new IllegalStateException("routing through " + egress + " failed: " + res.both());
        currentEgress = egress;
    }

    // ---- processes -----------------------------------------------------------------------------

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the lab is closed");
    }

    private Path write(String stem, String suffix, String text) {
        try {
            Path p = dir.resolve(stem + "-" + (++files) + suffix);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result execIn(Path stdin, String... command) {
        try {
            return exec(dir, stdin, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a program with stdin from a file (or nothing) and stdout and stderr to files in {@code dir}. */
    private static Result exec(Path dir, Path stdin, String... command) throws IOException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + STEP_TIMEOUT.toSeconds() + " s: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
        try {
            // the tools echo what they refuse, binary bytes included: decode leniently
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
