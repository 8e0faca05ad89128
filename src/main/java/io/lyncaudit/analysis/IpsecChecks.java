package io.lyncaudit.analysis;

import io.lyncaudit.catalog.FlowSpec;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the IPsec exceptions of the catalog against one IPsec policy input: the required exempt
 * set of each exception (its flow, host addresses, source and destination ports) against what the
 * input exempts, and every exemption of traffic to or from a Lync address beyond the union of
 * the exceptions (and their replies: a connection-security rule covers both directions).
 */
public final class IpsecChecks {
    private final Topology topo;

    public IpsecChecks(Topology topo) {
        this.topo = topo;
    }

    /**
     * The packets an IPsec exception asks to exempt in this deployment: empty when its role is
     * absent (the exception then does not apply), null when a port range it names is not configured.
     */
    public PacketSet required(RequirementSpec spec) {
        FlowSpec f = spec.flow();
        IntervalSet sports = f.sourcePorts() == null ? Ports.ALL : ports(f.sourcePorts()), dports = ports(f.ports());
        if (sports == null || dports == null) return null;
        IntervalSet src = topo.required(f.from(), null), dst = topo.required(f.to(), null);
        if (src.isEmpty() || dst.isEmpty()) return PacketSet.EMPTY;
        return PacketSet.of(new PacketBox(f.protocols(), src, dst, sports, dports)).intersect(PacketSet.SAME_FAMILY);
    }

    /** The ports of a flow: a literal, "any", or ${name} of the deployment's portRanges; null for an unset range. */
    private IntervalSet ports(String text) {
        if (text.startsWith("${") && text.endsWith("}")) return topo.deployment().portRanges().get(text.substring(2, text.length() - 1));
        return Ports.parseRange(text);
    }

    /** The exception's coverage by one input. */
    public IpsecCoverage coverage(RequirementSpec spec, PacketSet required, IpsecPolicy input) {
        PacketSet exempt = input.exempt().intersect(required);
        PacketSet uncovered = required.subtract(exempt);
        List<IpsecRule> exempting = new ArrayList<>(), blocking = new ArrayList<>();
        for (IpsecRule r : input.rules()) {
            if (r.exempt() && r.match().intersects(required)) exempting.add(r);
            if (!r.exempt() && r.match().intersects(uncovered)) blocking.add(r);
        }
        FlowSpec f = spec.flow();
        PacketBox b = required.bounds();
        String ports = Ports.format(b.destinationPorts());
        if (!b.sourcePorts().equals(Ports.ALL)) ports = Ports.format(b.sourcePorts()) + ">" + ports;
        Flow flow = new Flow(f.protocolText(), ports, topo.label(f.from(), b.sources()), topo.label(f.to(), b.destinations()));
        return new IpsecCoverage(spec, input.file(), required, exempt, uncovered, exempting, blocking, flow);
    }

    /** Exemptions of traffic to or from a Lync address beyond {@code justified}, one per rule. */
    public List<IpsecExposure> exposures(IpsecPolicy input, PacketSet justified) {
        IntervalSet lync = topo.lyncAddresses();
        PacketSet lyncTraffic = PacketSet.of(new PacketBox(Protocols.ALL, Addresses.ALL, lync, Ports.ALL, Ports.ALL))
                .union(PacketSet.of(new PacketBox(Protocols.ALL, lync, Addresses.ALL, Ports.ALL, Ports.ALL))).intersect(PacketSet.SAME_FAMILY);
        PacketSet allowed = justified.union(reversed(justified));
        List<IpsecExposure> out = new ArrayList<>();
        for (IpsecRule r : input.exemptions()) {
            PacketSet extra = r.match().intersect(lyncTraffic).subtract(allowed);
            if (!extra.isEmpty()) out.add(new IpsecExposure(input.file(), r, extra));
        }
        return out;
    }

    /** The replies: source and destination (addresses and ports) swapped. */
    static PacketSet reversed(PacketSet s) {
        PacketSet out = PacketSet.EMPTY;
        for (PacketBox b : s.boxes()) {
            out = out.union(PacketSet.of(new PacketBox(b.protocols(), b.destinations(), b.sources(), b.destinationPorts(), b.sourcePorts())));
        }
        return out;
    }
}
