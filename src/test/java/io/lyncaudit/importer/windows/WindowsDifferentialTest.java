package io.lyncaudit.importer.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random small Windows rule sets written as Get-NetFirewallRule CSV, imported, and asked about random
 * packets through the evaluator; the answer must equal a direct reading of Windows' semantics:
 * among the enabled rules of the active profile and the packet's direction, any matching Block
 * wins, else any matching Allow permits, else inbound is blocked and outbound allowed.
 */
class WindowsDifferentialTest {
    private static final String[] REMOTES = {"Any", "10.0.0.5", "10.0.0.0/24", "192.0.2.7"};
    private static final String[] PORTS = {"Any", "443", "5061", "5060-5062", "RPCEPMap"};
    private static final String[] PROTOCOLS = {"TCP", "UDP", "Any"};
    private static final String[] PACKET_REMOTES = {"10.0.0.5", "10.0.0.9", "192.0.2.7", "198.51.100.1"};
    private static final int[] PACKET_PORTS = {443, 5060, 5061, 135, 80};

    @TempDir
    Path tmp;

    /** One generated rule, as the direct reading sees it. */
    record R(boolean enabled, boolean inbound, boolean allow, String profile, String protocol, String localPort, String remotePort,
             String remote) {

        boolean matches(boolean in, int proto, String remoteAddr, int localP, int remoteP) {
            if (!enabled || inbound != in || profile.equals("Public")) return false;
            if (!protocol.equals("Any") && Protocols.number(protocol) != proto) return false;
            return port(localPort, localP) && port(remotePort, remoteP) && address(remote, remoteAddr);
        }

        private static boolean port(String spec, int p) {
            return switch (spec) {
                case "Any" -> true;
                case "RPCEPMap" -> p == 135;
                case "5060-5062" -> p >= 5060 && p <= 5062;
                default -> p == Integer.parseInt(spec);
            };
        }

        private static boolean address(String spec, String a) {
            return switch (spec) {
                case "Any" -> true;
                case "10.0.0.0/24" -> a.startsWith("10.0.0.");
                default -> spec.equals(a);
            };
        }
    }

    @Test
    void evaluatorAgreesWithWindows() throws Exception {
        Random rnd = new Random(20261124);
        int checked = 0;
        for (int set = 0; set < 60; set++) {
            List<R> rules = new ArrayList<>();
            StringBuilder csv = new StringBuilder(set % 2 == 0
                    ? "Name,DisplayName,Enabled,Direction,Action,Profile,Protocol,LocalPort,RemotePort,LocalAddress,RemoteAddress\n"
                    : "Name;DisplayName;Enabled;Direction;Action;Profile;Protocol;LocalPort;RemotePort;LocalAddress;RemoteAddress\n");
            char sep = set % 2 == 0 ? ',' : ';';
            int n = 1 + rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                String proto = PROTOCOLS[rnd.nextInt(PROTOCOLS.length)];
                boolean ported = !proto.equals("Any");
                R r = new R(rnd.nextInt(6) > 0, rnd.nextBoolean(), rnd.nextInt(3) > 0, rnd.nextInt(5) == 0 ? "Public" : "Domain", proto,
                        ported ? PORTS[rnd.nextInt(PORTS.length)] : "Any", ported && rnd.nextInt(4) == 0 ? "443" : "Any",
                        REMOTES[rnd.nextInt(REMOTES.length)]);
                rules.add(r);
                csv.append(String.join(String.valueOf(sep), "r" + i, "rule " + i, r.enabled() ? "True" : "False",
                        r.inbound() ? "Inbound" : "Outbound", r.allow() ? "Allow" : "Block", r.profile(), r.protocol(), r.localPort(),
                        r.remotePort(), "Any", r.remote())).append('\n');
            }
            ImportResult ir = new WindowsFirewallImporter().importFile(WindowsFixtures.write(tmp, "set" + set + ".csv", csv.toString()),
                    "set.csv");
            for (int k = 0; k < 40; k++) {
                boolean in = rnd.nextBoolean();
                int proto = rnd.nextBoolean() ? Protocols.TCP : Protocols.UDP;
                String remote = PACKET_REMOTES[rnd.nextInt(PACKET_REMOTES.length)];
                int localPort = in ? PACKET_PORTS[rnd.nextInt(PACKET_PORTS.length)] : 40000;
                int usualRemotePort = in ? 40000 : PACKET_PORTS[rnd.nextInt(PACKET_PORTS.length)];
                int remotePort = rnd.nextInt(5) == 0 ? 443 : usualRemotePort;
                boolean block = false, allow = false;
                for (R r : rules) {
                    if (!r.matches(in, proto, remote, localPort, remotePort)) continue;
                    if (r.allow()) allow = true;
                    else block = true;
                }
                boolean expected = !block && (allow || !in);
                boolean actual = in ? evalIn(ir, proto, remote, remotePort, localPort) : evalOut(ir, proto, remote, localPort, remotePort);
                assertEquals(expected, actual, () -> (in ? "in " : "out ") + proto + " remote " + remote + " local port " + localPort
                        + " remote port " + remotePort + " on\n" + csv);
                checked++;
            }
        }
        assertEquals(2400, checked);
    }

    private static boolean evalIn(ImportResult ir, int proto, String remote, int remotePort, int localPort) {
        var q = PacketSet.of(new PacketBox(IntervalSet.point(proto),
                Addresses.parse(remote), Addresses.parse(WindowsFixtures.HOST),
                IntervalSet.point(remotePort), IntervalSet.point(localPort)));
        return !PolicyEvaluator.evaluate(ir, q, "network", "host").permitted().isEmpty();
    }

    private static boolean evalOut(ImportResult ir, int proto, String remote, int localPort, int remotePort) {
        var q = PacketSet.of(new PacketBox(IntervalSet.point(proto),
                Addresses.parse(WindowsFixtures.HOST), Addresses.parse(remote),
                IntervalSet.point(localPort), IntervalSet.point(remotePort)));
        return !PolicyEvaluator.evaluate(ir, q, "host", "network").permitted().isEmpty();
    }
}
