package io.lyncaudit.importer.windows;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers for the Windows importer tests: netsh rule blocks and packet questions to a host firewall. */
final class WindowsFixtures {
    static final String HOST = "10.0.1.11";
    static final Path DIR = Path.of("src/test/resources/importer/windows");

    private WindowsFixtures() {}

    /** One netsh verbose rule block. */
    static String netsh(String name, String enabled, String dir, String profiles, String protocol, String localPort, String remoteIp,
                        String action) {
        return "\nRule Name:                            " + name + "\n"
                + "----------------------------------------------------------------------\n"
                + "Enabled:                              " + enabled + "\n"
                + "Direction:                            " + dir + "\n"
                + "Profiles:                             " + profiles + "\n"
                + "LocalIP:                              Any\n"
                + "RemoteIP:                             " + remoteIp + "\n"
                + "Protocol:                             " + protocol + "\n"
                + (localPort == null ? "" : "LocalPort:                            " + localPort + "\n"
                + "RemotePort:                           Any\n")
                + "Action:                               " + action + "\n";
    }

    static ImportResult importText(Path dir, String text) throws Exception {
        Path f = write(dir, "rules.txt", text + "Ok.\n");
        return new WindowsFirewallImporter().importFile(f, "rules.txt");
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** True when the host firewall admits TCP/UDP {@code proto} from {@code remote}:any to the host's {@code port}. */
    static boolean inbound(ImportResult ir, int proto, String remote, int port) {
        PacketSet q = PacketSet.of(new PacketBox(IntervalSet.point(proto), Addresses.parse(remote), Addresses.parse(HOST),
                IntervalSet.point(40000), IntervalSet.point(port)));
        return !PolicyEvaluator.evaluate(ir, q, "network", "host").permitted().isEmpty();
    }

    /** True when the host firewall lets the host send {@code proto} to {@code remote}:{@code port}. */
    static boolean outbound(ImportResult ir, int proto, String remote, int port) {
        PacketSet q = PacketSet.of(new PacketBox(IntervalSet.point(proto), Addresses.parse(HOST), Addresses.parse(remote),
                IntervalSet.point(40000), IntervalSet.point(port)));
        return !PolicyEvaluator.evaluate(ir, q, "host", "network").permitted().isEmpty();
    }
}
