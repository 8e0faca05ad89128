package io.lyncaudit.catalog;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Protocols;

/**
 * A catalog flow as written in a rule's {@code @flow} metadata, e.g.
 * {@code TCP 5061 internal(director|frontEnd) -> edgeInternal} or {@code UDP ${edgeMedia} avEdge -> internet}.
 *
 * <p>Two forms serve the IPsec exceptions table: the protocol may join several with {@code +}
 * ({@code TCP+UDP any any -> avEdge}, the table's "UDP and TCP"), and the ports may name source
 * ports before destination ports with {@code >} ({@code UDP ${clientMedia}>any any -> any}: from
 * the client media range to any port). Firewall requirements use neither.
 *
 * @param protocol    the first protocol written (the only one for firewall requirements)
 * @param ports       destination ports: a port, a range, {@code any}, or {@code ${name}} for a configured range of the deployment's portRanges
 * @param protocols   every protocol written
 * @param sourcePorts source ports, same syntax as {@code ports}; {@code any} unless written
 */
public record FlowSpec(int protocol, String ports, EndpointSpec from, EndpointSpec to, String text, IntervalSet protocols,
                       String sourcePorts) {

    public FlowSpec(int protocol, String ports, EndpointSpec from, EndpointSpec to, String text) {
        this(protocol, ports, from, to, text, IntervalSet.point(protocol), "any");
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
        String ports = left[1], sourcePorts = "any";
        int gt = ports.indexOf('>');
        if (gt >= 0) {
            sourcePorts = ports.substring(0, gt);
            ports = ports.substring(gt + 1);
        }
        return new FlowSpec(first, ports, EndpointSpec.parse(left[2]), EndpointSpec.parse(arrow[1]), text.trim(), protos, sourcePorts);
    }

    /** The protocol as listings show it: "TCP", or "TCP+UDP" for a flow of several. */
    public String protocolText() {
        return protocols.equals(IntervalSet.point(protocol)) ? Protocols.name(protocol) : Protocols.format(protocols);
    }

    /** The ports as listings show them: the destination ports, prefixed by "SOURCE>" when source ports are named. */
    public String portsText() {
        return sourcePorts.equals("any") ? ports : sourcePorts + ">" + ports;
    }
}
