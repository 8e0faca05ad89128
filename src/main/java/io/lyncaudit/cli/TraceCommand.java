package io.lyncaudit.cli;

import io.lyncaudit.audit.PacketTrace;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.report.Trace;
import io.lyncaudit.report.TraceRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `lyncaudit trace`: what one firewall does with a packet, stage by stage, and the line that decided each stage. */
@Command(name = "trace", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        header = "Show what a firewall does with a packet: the verdict and, for each stage of its path, the deciding line.",
        description = {"Sends one packet (or one per line of --packets) through a firewall export, or through a firewall of a",
                "deployment, as the audit evaluates it: every stage of the packet's path in order (for Linux: raw, mangle,",
                "nat and filter chains, nftables base chains by priority), the rule or default that decided each, and any",
                "translation (DNAT, redirect). The verdict is permit, deny or uncertain (something not modelled could change it)."},
        footer = {"", "Examples:", "  lyncaudit trace edge.rules --packet \"tcp 203.0.113.5:40000 -> 10.45.16.10:5061\" --in eth0 --out eth1",
                "  lyncaudit trace deployment.yaml --firewall edge-external --packets probes.txt --format json",
                "", "--out host asks about traffic to the firewall itself (the input path), --in host about traffic it sends.",
                "Without --in/--out, a deployment tells which interface each address lies behind; for a bare export the packet",
                "is traced through every interface the export names, and the verdict is uncertain when they disagree.",
                "", "Exit codes: 0 traced, 2 bad usage or input, 3 internal error."})
final class TraceCommand implements Callable<Integer> {
    /** At most this many packets are read from --packets. */
    static final int MAX_PACKETS = 100_000;
    static final long MAX_PACKETS_BYTES = 16L * 1024 * 1024;
    private static final Pattern DEPLOYMENT = Pattern.compile("(?m)^firewalls\\s*:");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|DEPLOYMENT.yaml", description = "A firewall export, or a deployment file with --firewall.")
    Path file;

    @Option(names = "--vendor", paramLabel = "V", description = "The export's format, when detection should not decide.")
    String vendor;

    @Option(names = "--encoding", paramLabel = "E",
            description = "The export's encoding, when detection should not decide: utf-8, utf-16, utf-16le, utf-16be or windows-1252.")
    String encoding;
    @Option(names = "--action", paramLabel = "A", description = {"For a spreadsheet export without an action column: what every row means,",
            "permit (a list of openings) or deny. With a deployment file its firewall's 'action:' says it."})
    String action;

    @Option(names = "--vdom", paramLabel = "NAME", description = {"For a FortiGate export with several VDOMs: the VDOM to trace through.",
            "With a deployment file its firewall's 'vdom:' says it."})
    String vdom;

    @Option(names = "--firewall", paramLabel = "NAME", description = "With a deployment file: the firewall to trace through.")
    String firewall;

    @Option(names = "--packet", paramLabel = "PACKET", description = "The packet: \"PROTO SRC:SPORT -> DST:DPORT\", IPv6 in brackets.")
    String packet;

    @Option(names = "--packets", paramLabel = "FILE", description = "A file with one packet a line ('#' starts a comment).")
    Path packets;

    @Option(names = "--in", paramLabel = "IFACE", description = "The interface the packet enters at (host: the firewall itself).")
    String in;

    @Option(names = "--out", paramLabel = "IFACE", description = "The interface the packet leaves at (host: the firewall itself).")
    String out;

    @Option(names = {"-f", "--format"}, paramLabel = "F", defaultValue = "text", description = "text (default) or json (one object a line, per packet).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) throw new Main.UsageException("trace --format is text or json, not '" + format + "'");
        if ((packet == null) == (packets == null)) throw new Main.UsageException("give exactly one of --packet and --packets");
        if (!Files.isRegularFile(file)) throw new Main.UsageException(DeploymentLoader.display(file) + ": file not found");
        List<Probe> probes = probes();
        boolean deployment = isDeployment();
        if (deployment && encoding != null) {
            throw new Main.UsageException("--encoding is for an export; a deployment names each firewall's encoding with 'encoding:'");
        }
        if (deployment && action != null) throw new Main.UsageException("--action is for a bare export; a deployment's firewall says it with 'action:'");
        if (deployment && vdom != null) throw new Main.UsageException("--vdom is for a bare export; a deployment's firewall says it with 'vdom:'");
        if (action != null && !FirewallSpec.ROW_ACTIONS.contains(action.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new Main.UsageException("--action is permit (every row is an opening) or deny, not '" + action + "'");
        }
        PacketTrace t = deployment ? PacketTrace.ofDeployment(file, firewall)
                : PacketTrace.ofExport(file, DeploymentLoader.display(file), vendor, action, encoding, vdom);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (Probe p : probes) {
            Trace trace;
            try {
                trace = t.trace(p.text, in, out);
            } catch (IllegalArgumentException e) {
                if (p.line == 0) throw new Main.UsageException("--packet: " + e.getMessage());
                throw new BadInputException(DeploymentLoader.display(packets), p.line, e.getMessage());
            }
            if (format.equals("json")) {
                TraceRenderer.jsonLine(trace, buf);
            } else {
                if (buf.size() > 0) buf.write('\n');
                TraceRenderer.text(trace, buf);
            }
        }
        spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCode.PASS.code();
    }

    /** A packet to trace and the line of --packets it comes from (0 for --packet). */
    private record Probe(String text, int line) {}

    private List<Probe> probes() throws IOException, BadInputException {
        if (packet != null) return List.of(new Probe(packet, 0));
        String display = DeploymentLoader.display(packets);
        if (!Files.isRegularFile(packets)) throw new Main.UsageException(display + ": file not found");
        if (Files.size(packets) > MAX_PACKETS_BYTES) {
            throw new BadInputException(display, 0, "is larger than " + (MAX_PACKETS_BYTES >> 20) + " MiB; trace at most " + MAX_PACKETS + " packets at once");
        }
        List<Probe> out = new ArrayList<>();
        String text = new String(Files.readAllBytes(packets), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte-order mark, as Notepad writes it
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash);
            l = l.strip();
            if (l.isEmpty()) continue;
            if (l.length() > 300) throw new BadInputException(display, i + 1, "a packet line is at most 300 characters");
            if (out.size() == MAX_PACKETS) throw new BadInputException(display, i + 1, "more than " + MAX_PACKETS + " packets");
            out.add(new Probe(l, i + 1));
        }
        if (out.isEmpty()) throw new BadInputException(display, 0, "holds no packet (one a line: PROTO SRC:SPORT -> DST:DPORT)");
        return out;
    }

    /** A deployment file (YAML with a top-level 'firewalls:' list), or --firewall given. */
    private boolean isDeployment() throws BadInputException {
        if (firewall != null) return true;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) return false;
        // decoded as every input is (a deployment may be UTF-16 or Windows-1252)
        return DEPLOYMENT.matcher(Importers.textHead(file, DeploymentLoader.display(file))).find();
    }
}
