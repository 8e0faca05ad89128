package io.lyncaudit.catalog;

import io.lyncaudit.model.Protocols;

/**
 * A catalog flow as written in a rule's {@code @flow} metadata, e.g.
 * {@code TCP 5061 internal(director|frontEnd) -> edgeInternal} or {@code UDP ${edgeMedia} avEdge -> internet}.
 *
 * @param ports a port, a range, or {@code ${name}} for a configured range of the deployment's portRanges
 */
public record FlowSpec(int protocol, String ports, EndpointSpec from, EndpointSpec to, String text) {

    public static FlowSpec parse(String text) {
        String[] arrow = text.split("->");
        if (arrow.length != 2) throw new IllegalArgumentException("flow '" + text + "' needs exactly one '->'");
        String[] left = arrow[0].trim().split("\\s+");
        if (left.length != 3) throw new IllegalArgumentException("flow '" + text + "' is PROTOCOL PORTS FROM -> TO");
        int proto = Protocols.number(left[0]);
        if (proto < 0) throw new IllegalArgumentException("unknown protocol in flow '" + text + "'");
        return new FlowSpec(proto, left[1], EndpointSpec.parse(left[2]), EndpointSpec.parse(arrow[1]), text.trim());
    }
}
