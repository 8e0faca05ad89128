package io.lyncaudit.importer.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random small rule tables are generated as data, rendered to CSV in the many
 * spellings users write, imported, and evaluated packet by packet with the one PolicyEvaluator.
 * The oracle reads the generated data directly, first match wins, default deny; it shares no code
 * with the importer's parsing.
 */
class SpreadsheetDifferentialTest {

    static final long SEED = 20261124L;
    static final int TABLES = 250;
    static final int PACKETS = 80;

    static final int TCP = Protocols.TCP, UDP = Protocols.UDP, ICMP = Protocols.ICMP;
    static final int[] PORTS = {53, 442, 443, 444, 3477, 3478, 3479, 5060, 5061, 5062, 49999, 50000, 50001, 59999, 60000};

    @TempDir
    Path tmp;

    /** An address spec over 10.0.0.0-10.0.0.9: lo..hi inclusive (last octet), or any. */
    record Addr(int lo, int hi, boolean any, String text) {
        boolean contains(int octet) {
            return any || (octet >= lo && octet <= hi);
        }
    }

    /** A service item: protocols (null = from the column), ports lo..hi, or any. */
    record Svc(Set<Integer> protocols, int lo, int hi, boolean any, boolean named, String text) {}

    record Row(List<Addr> src, List<Addr> dst, String protoCell, Set<Integer> protoColumn, List<Svc> services,
               Action action, boolean enabled, boolean bad) {}

    @Test
    void importedPoliciesDecideLikeAFirstMatchReadingOfTheRows() throws Exception {
        Random rnd = new Random(SEED);
        int checked = 0;
        for (int t = 0; t < TABLES; t++) {
            List<Row> rows = new ArrayList<>();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) rows.add(row(rnd));
            boolean actionColumn = rnd.nextInt(5) > 0;
            char delim = new char[] {',', ';', '\t'}[rnd.nextInt(3)];
            String csv = render(rows, actionColumn, delim, rnd);
            Path f = tmp.resolve("t" + t + ".csv");
            Files.writeString(f, csv, StandardCharsets.UTF_8);
            // a sheet without an action column is a list of openings, as the deployment would say
            ImportResult r = new SpreadsheetImporter().importFile(f, "t" + t + ".csv", new ImportOptions(null, Action.PERMIT, false));
            Policy p = r.policies().get(0);
            long accepted = rows.stream().filter(x -> x.enabled && !x.bad && expand(x) != null).count();
            assertEquals(accepted, p.rules().size(), () -> "rule count for\n" + csv + "\n" + r.diagnostics());
            long rowDiagnostics = r.diagnostics().stream().filter(x -> !x.message().startsWith("above the header row")).count();
            assertEquals(rows.size() - accepted, rowDiagnostics, () -> "diagnostics for\n" + csv);
            assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized());
            for (int k = 0; k < PACKETS; k++) {
                int proto = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
                int s = rnd.nextInt(10), d = rnd.nextInt(10);
                int port = PORTS[rnd.nextInt(PORTS.length)];
                Packet pk = new Packet(proto, addr(s), 50123, addr(d), port);
                Action expected = oracle(rows, actionColumn, proto, s, d, port);
                assertEquals(expected, Packets.decide(p, pk), () -> "packet " + pk + " for table\n" + csv);
                checked++;
            }
        }
        assertEquals(TABLES * PACKETS, checked);
    }

    // ---- the oracle ------------------------------------------------------------------------

    static Action oracle(List<Row> rows, boolean actionColumn, int proto, int s, int d, int port) {
        for (Row r : rows) {
            if (!r.enabled || r.bad) continue;
            List<int[]> items = expand(r);
            if (items == null) continue;
            if (r.src.stream().noneMatch(a -> a.contains(s)) || r.dst.stream().noneMatch(a -> a.contains(d))) continue;
            for (int[] it : items) {
                // it = {protocol, lo, hi}; lo = -1 means every port (and protocols without ports match regardless)
                if (it[0] != proto) continue;
                boolean ported = proto == TCP || proto == UDP;
                if (it[1] < 0 || !ported || (port >= it[1] && port <= it[2])) {
                    return actionColumn ? r.action : Action.PERMIT;
                }
            }
        }
        return Action.DENY;
    }

    /** The (protocol, port range) pairs a row means, by the documented rules; null when the row is refused. */
    static List<int[]> expand(Row r) {
        Set<Integer> all = Set.of(TCP, UDP, ICMP); // the packets we test only use these three
        Set<Integer> col = r.protoColumn; // null = blank or no column
        boolean colAny = col != null && col.equals(all);
        List<int[]> out = new ArrayList<>();
        if (r.services.isEmpty()) {
            if (col == null) return null;
            for (int p : col) out.add(new int[] {p, -1, -1});
            return out;
        }
        for (Svc s : r.services) {
            Set<Integer> ps;
            if (s.any) {
                ps = col != null ? col : all;
            } else if (s.protocols == null) {
                ps = col != null && !colAny ? col : Set.of(TCP, UDP);
            } else if (s.named) {
                ps = col != null && !colAny ? col : s.protocols;
            } else {
                ps = new java.util.HashSet<>(s.protocols);
                if (col != null && !colAny) ps.retainAll(col);
                if (ps.isEmpty()) return null; // explicit protocol contradicts the column
            }
            for (int p : ps) out.add(s.any ? new int[] {p, -1, -1} : new int[] {p, s.lo, s.hi});
        }
        return out;
    }

    // ---- generation ----------------------------------------------------------------------

    static Row row(Random rnd) {
        List<Addr> src = addrs(rnd), dst = addrs(rnd);
        String[] cells = {"", "", "TCP", "UDP", "TCP/UDP", "tcp, udp", "any", "ip"};
        String protoCell = cells[rnd.nextInt(cells.length)];
        Set<Integer> col = switch (protoCell.toLowerCase()) {
            case "" -> null;
            case "tcp" -> Set.of(TCP);
            case "udp" -> Set.of(UDP);
            case "any", "ip" -> Set.of(TCP, UDP, ICMP);
            default -> Set.of(TCP, UDP);
        };
        List<Svc> services = new ArrayList<>();
        int ns = col != null && rnd.nextInt(6) == 0 ? 0 : 1 + rnd.nextInt(3);
        for (int i = 0; i < ns; i++) services.add(svc(rnd, i == ns - 1));
        boolean bad = rnd.nextInt(25) == 0;
        Action action = rnd.nextBoolean() ? Action.PERMIT : Action.DENY;
        boolean enabled = rnd.nextInt(6) > 0;
        return new Row(src, dst, protoCell, col, services, action, enabled, bad);
    }

    static List<Addr> addrs(Random rnd) {
        List<Addr> out = new ArrayList<>();
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(5)) {
                case 0 -> out.add(new Addr(0, 255, true, "any"));
                case 1 -> {
                    int o = rnd.nextInt(10);
                    out.add(new Addr(o, o, false, "10.0.0." + o));
                }
                case 2 -> {
                    int base = rnd.nextInt(3) * 4; // 0, 4, 8
                    out.add(new Addr(base, base + 3, false, "10.0.0." + base + "/30"));
                }
                case 3 -> out.add(new Addr(0, 7, false, "10.0.0.0/29"));
                default -> {
                    int a = rnd.nextInt(10), b = a + rnd.nextInt(10 - a);
                    out.add(new Addr(a, b, false, "10.0.0." + a + (rnd.nextBoolean() ? "-" : " - ") + "10.0.0." + b));
                }
            }
        }
        return out;
    }

    static Svc svc(Random rnd, boolean last) {
        int a = PORTS[rnd.nextInt(PORTS.length)];
        int b = rnd.nextInt(3) == 0 ? Math.max(a, PORTS[rnd.nextInt(PORTS.length)]) : a;
        String range = a == b ? Integer.toString(a) : rnd.nextBoolean() && b >= 10000 ? thousands(a) + "-" + thousands(b) : a + "-" + b;
        switch (rnd.nextInt(9)) {
            case 0 -> { return new Svc(null, 0, 65535, true, false, "any"); }
            case 1 -> { return new Svc(Set.of(TCP), a, b, false, false, "tcp/" + range); }
            case 2 -> { return new Svc(Set.of(UDP), a, b, false, false, "UDP:" + range); }
            case 3 -> { return new Svc(Set.of(TCP), a, b, false, false, "TCP_" + range); }
            case 4 -> { return new Svc(Set.of(UDP), a, b, false, false, range + "/udp"); }
            case 5 -> {
                // the "TCP 5061" form takes the following bare ports too, so it is only written last
                if (last) return new Svc(Set.of(TCP), a, b, false, false, "TCP " + range);
                return new Svc(null, a, b, false, false, range);
            }
            case 6 -> {
                String[][] named = {{"https", "6", "443"}, {"stun", "17", "3478"}, {"sips", "6", "5061"}, {"dns", "6,17", "53"}, {"sip", "6,17", "5060"}};
                String[] nm = named[rnd.nextInt(named.length)];
                Set<Integer> ps = new java.util.HashSet<>();
                for (String x : nm[1].split(",")) ps.add(Integer.parseInt(x));
                int port = Integer.parseInt(nm[2]);
                return new Svc(ps, port, port, false, true, nm[0]);
            }
            default -> { return new Svc(null, a, b, false, false, range); }
        }
    }

    static String thousands(int v) {
        return v < 1000 ? Integer.toString(v) : (v / 1000) + "," + String.format("%03d", v % 1000);
    }

    static String render(List<Row> rows, boolean actionColumn, char delim, Random rnd) {
        String[][] spell = {
            {"Source", "Src", "Source Address", "source_ip", "From"},
            {"Destination", "Dst", "Dest", "Destination Address", "To"},
            {"Service", "Port", "Ports", "Destination Port", "DPort"},
            {"Protocol", "Proto", "Transport"},
            {"Action", "Decision"},
            {"Enabled", "Status", "Active"},
        };
        StringBuilder out = new StringBuilder();
        if (rnd.nextBoolean()) out.append("Rules exported for the change window").append('\n');
        List<String> header = new ArrayList<>();
        for (int i = 0; i < spell.length; i++) {
            if (i == 4 && !actionColumn) continue;
            header.add(spell[i][rnd.nextInt(spell[i].length)]);
        }
        line(out, header, delim);
        String[] seps = {", ", "; ", "\n", " "};
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(join(r.src.stream().map(Addr::text).toList(), seps[rnd.nextInt(seps.length)]));
            cells.add(join(r.dst.stream().map(Addr::text).toList(), seps[rnd.nextInt(3)]));
            String svc = join(r.services.stream().map(Svc::text).toList(), seps[rnd.nextInt(3)]);
            cells.add(r.bad ? svc + ", 70000" : svc);
            cells.add(r.protoCell);
            if (actionColumn) cells.add(r.action == Action.PERMIT ? pick(rnd, "permit", "allow", "Accept") : pick(rnd, "deny", "DROP", "block"));
            cells.add(r.enabled ? pick(rnd, "", "yes", "TRUE", "1") : pick(rnd, "no", "disabled", "off"));
            line(out, cells, delim);
        }
        return out.toString();
    }

    private static String join(List<String> items, String sep) {
        return String.join(sep, items);
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static void line(StringBuilder out, List<String> cells, char delim) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(delim);
            String c = cells.get(i);
            boolean quote = c.indexOf(delim) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf(',') >= 0;
            out.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        out.append('\n');
    }

    static BigInteger addr(int octet) {
        return Addresses.parse("10.0.0." + octet).first();
    }
}
