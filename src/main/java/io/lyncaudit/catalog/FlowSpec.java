package io.lyncaudit.catalog;

import io.lyncaudit.model.Protocols;

/**
 * A catalog flow as written in a rule's {@code @flow} metadata, e.g.
 * {@code TCP 5061 internal(director|frontEnd) -> edgeInternal} or {@code UDP ${edgeMedia} avEdge -> internet}.
 * A source may name its source ports after a colon, {@code TCP 443 avEdge:${edgeMedia} -> internet}:
 * the required set then has only those source ports, the justified set has every source port.
 *
 * @param ports       a port, a range, or {@code ${name}} for a configured range of the deployment's portRanges
 * @param sourcePorts the same forms, or null when the docs name no source port (any)
 */
public record FlowSpec(int protocol, String ports, String sourcePorts, EndpointSpec from, EndpointSpec to, String text) {

    public static FlowSpec parse(String text) {
        String[] arrow = text.split("->");
        if (arrow.length != 2) throw new IllegalArgumentException("flow '" + text + "' needs exactly one '->'");
        String[] left = arrow[0].trim().split("\\s+");
        if (left.length != 3) throw new IllegalArgumentException("flow '" + text + "' is PROTOCOL PORTS FROM -> TO");
        int proto = Protocols.number(left[0]);
        if (proto < 0) throw new IllegalArgumentException("unknown protocol in flow '" + text + "'");
        String from = left[2], sourcePorts = null;
        int colon = from.lastIndexOf(':');
        if (colon >= 0) {
            sourcePorts = from.substring(colon + 1);
            from = from.substring(0, colon);
            if (sourcePorts.isEmpty()) throw new IllegalArgumentException("flow '" + text + "': no source ports after ':'");
        }
        return new FlowSpec(proto, left[1], sourcePorts, EndpointSpec.parse(from), EndpointSpec.parse(arrow[1]), text.trim());
    }
}
