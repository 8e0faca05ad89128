package io.lyncaudit.catalog;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Protocols;

/**
 * A catalog flow as written in a rule's {@code @flow} metadata, e.g.
 * {@code TCP 5061 internal(director|frontEnd) -> edgeInternal} or {@code UDP ${edgeMedia} avEdge -> internet}.
 *
 * <p>Source ports can be named two ways, with the same meaning: after the source with a colon,
 * {@code TCP 443 avEdge:${edgeMedia} -> internet}, or before the destination ports with {@code >},
 * {@code UDP ${clientMedia}>any any -> any} (the IPsec table's form). For firewall requirements the
 * required set then has only those source ports and the justified set every source port. The
 * protocol may join several with {@code +} ({@code TCP+UDP any any -> avEdge}, the IPsec table's
 * "UDP and TCP"); firewall requirements use one.
 *
 * @param protocol    the first protocol written (the only one for firewall requirements)
 * @param ports       destination ports: a port, a range, {@code any}, or {@code ${name}} for a configured range of the deployment's portRanges
 * @param sourcePorts the same forms, or null when the docs name no source port (any)
 * @param protocols   every protocol written
 */
public record FlowSpec(int protocol, String ports, String sourcePorts, EndpointSpec from, EndpointSpec to, String text,
                       IntervalSet protocols) {

    public FlowSpec(int protocol, String ports, String sourcePorts, EndpointSpec from, EndpointSpec to, String text) {
        this(protocol, ports, sourcePorts, from, to, text, IntervalSet.point(protocol));
    }

    public static FlowSpec parse(String text) {
        String[] arrow = text.split("->");
        if (arrow.length != 2) throw new IllegalArgumentException("flow '" + text + "' needs exactly one '->'");
        String[] left = arrow[0].trim().split("\\s+");
        if (left.length != 3) throw new IllegalArgumentException("flow '" + text + "' is PROTOCOL PORTS FROM -> TO");
        int first = -1;
        IntervalSet protos = IntervalSet.EMPTY;
        for (String p : left[0].split("\\+")) {
            int proto = Protocols.number(p);
            if (proto < 0) throw new IllegalArgumentException("unknown protocol in flow '" + text + "'");
            if (first < 0) first = proto;
            protos = protos.union(IntervalSet.point(proto));
        }
        String ports = left[1], sourcePorts = null;
        int gt = ports.indexOf('>');
        if (gt >= 0) {
            sourcePorts = ports.substring(0, gt);
            ports = ports.substring(gt + 1);
        }
        String from = left[2];
        int colon = from.lastIndexOf(':');
        if (colon >= 0) {
            if (sourcePorts != null) throw new IllegalArgumentException("flow '" + text + "' names its source ports twice");
            sourcePorts = from.substring(colon + 1);
            from = from.substring(0, colon);
        }
        if (sourcePorts != null && sourcePorts.isEmpty()) throw new IllegalArgumentException("flow '" + text + "': empty source ports");
        if ("any".equals(sourcePorts)) sourcePorts = null;
        return new FlowSpec(first, ports, sourcePorts, EndpointSpec.parse(from), EndpointSpec.parse(arrow[1]), text.trim(), protos);
    }

    /** The protocol as listings show it: "TCP", or "TCP+UDP" for a flow of several. */
    public String protocolText() {
        return protocols.equals(IntervalSet.point(protocol)) ? Protocols.name(protocol) : Protocols.format(protocols);
    }

    /** The ports as listings show them: the destination ports, prefixed by "SOURCE>" when source ports are named. */
    public String portsText() {
        return sourcePorts == null ? ports : sourcePorts + ">" + ports;
    }
}
