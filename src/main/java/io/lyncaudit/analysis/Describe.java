package io.lyncaudit.analysis;

import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.Witness;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;

/** Renders packet sets as the short flows reports show, calling the internet "any". */
public final class Describe {
    private final IntervalSet internet;

    public Describe(IntervalSet internet) {
        this.internet = internet;
    }

    public String addresses(IntervalSet s) {
        if (s.equals(Addresses.ALL)) return "any";
        // packets keep to one address family, so a set of one family is "any" when it holds that family's internet
        IntervalSet family = Addresses.ALL_V4.containsAll(s) ? Addresses.ALL_V4
                : Addresses.ALL_V6.containsAll(s) ? Addresses.ALL_V6 : Addresses.ALL;
        IntervalSet internet = this.internet.intersect(family);
        if (!internet.isEmpty() && s.containsAll(internet)) {
            IntervalSet rest = s.subtract(internet);
            if (rest.isEmpty()) return "any";
            // all but a few addresses: name the few
            IntervalSet missing = family.subtract(s);
            if (missing.isEmpty()) return "any";
            if (missing.intervalCount() < rest.intervalCount()) return "any except " + Addresses.format(missing);
            return "any, " + Addresses.format(rest);
        }
        // most of a family with holes (the internet less what earlier rules took): name the holes
        IntervalSet holes = family.subtract(s);
        if (!s.isEmpty() && holes.intervalCount() < s.intervalCount()) return "any except " + Addresses.format(holes);
        String t = Addresses.format(s);
        return t.length() > 200 ? t.substring(0, 197) + "..." : t;
    }

    /** The flow of a packet set, by its bounds. */
    public Flow flow(PacketSet set) {
        PacketBox b = set.bounds();
        return new Flow(Protocols.describe(b.protocols()), ports(b), addresses(b.sources()), addresses(b.destinations()));
    }

    private static String ports(PacketBox b) {
        String p = Ports.format(b.destinationPorts());
        if (!b.sourcePorts().equals(Ports.ALL)) p += " (from source ports " + Ports.format(b.sourcePorts()) + ")";
        return p;
    }

    public String text(PacketSet set) {
        Flow f = flow(set);
        String ports = f.ports().equals("any") ? "" : " " + f.ports();
        return f.protocol() + ports + " from " + f.source() + " to " + f.destination();
    }

    public static Witness witness(PacketSet set) {
        Packet p = set.witness();
        if (p == null) return null;
        return new Witness(Protocols.name(p.protocol()), p.sourceText(), p.sourcePort(), p.destinationText(), p.destinationPort());
    }
}
