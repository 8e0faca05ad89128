package io.lyncaudit.waiver;

import io.lyncaudit.finding.Flow;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;

/**
 * The flow of a waiver as packet sets; a finding's flow matches when every part of it lies inside
 * the waiver's part. Parts the waiver leaves out are "any".
 */
public record WaiverFlow(IntervalSet protocols, IntervalSet ports, IntervalSet sources, IntervalSet destinations, String text) {

    /** True when the finding's flow, read back from its text, lies inside this flow. Unreadable text never matches. */
    public boolean contains(Flow f) {
        if (f == null) return false;
        try {
            return protocols.containsAll(protocols(f.protocol())) && ports.containsAll(ports(f.ports()))
                    && sources.containsAll(addresses(f.source())) && destinations.containsAll(addresses(f.destination()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** "TCP", "TCP+UDP", "tcp, udp", "6", "any". */
    static IntervalSet protocols(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("any") || t.equalsIgnoreCase("ip")) return Protocols.ALL;
        IntervalSet out = IntervalSet.EMPTY;
        for (String part : t.split("[+,/\\s]+")) {
            if (part.isEmpty()) continue;
            int n = Protocols.number(part);
            if (n < 0) throw new IllegalArgumentException("'" + part + "' is not a protocol");
            out = out.union(IntervalSet.point(n));
        }
        return out;
    }

    /** "3389", "50000-59999", "80, 443", "any"; a trailing "(from source ports ...)" is ignored. */
    static IntervalSet ports(String text) {
        String t = text.replaceAll("\\(.*\\)", "").trim();
        if (t.isEmpty() || t.equalsIgnoreCase("any")) return Ports.ALL;
        IntervalSet out = IntervalSet.EMPTY;
        for (String part : t.split("[,\\s]+")) {
            if (!part.isEmpty()) out = out.union(Ports.parseRange(part));
        }
        return out;
    }

    /** "any", one address, a CIDR, a range, or a comma-separated list of those. */
    static IntervalSet addresses(String text) {
        IntervalSet out = IntervalSet.EMPTY;
        for (String part : text.split(",")) {
            if (!part.isBlank()) out = out.union(Addresses.parse(part));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no address in '" + text + "'");
        return out;
    }
}
