package io.lyncaudit.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A box of packets: every combination of protocol, source address, destination address, source
 * port and destination port drawn from the five sets. For protocols without ports both port sets
 * are the full range, so a box never says anything about ports it does not mean.
 */
public record PacketBox(IntervalSet protocols, IntervalSet sources, IntervalSet destinations,
                        IntervalSet sourcePorts, IntervalSet destinationPorts) {

    public static final PacketBox ALL = new PacketBox(Protocols.ALL, Addresses.ALL, Addresses.ALL, Ports.ALL, Ports.ALL);

    public static PacketBox of(IntervalSet protocols, IntervalSet sources, IntervalSet destinations, IntervalSet destinationPorts) {
        return new PacketBox(protocols, sources, destinations, Ports.ALL, destinationPorts);
    }

    IntervalSet dim(int i) {
        return switch (i) {
            case 0 -> protocols;
            case 1 -> sources;
            case 2 -> destinations;
            case 3 -> sourcePorts;
            default -> destinationPorts;
        };
    }

    private static PacketBox withDims(IntervalSet[] d) {
        return new PacketBox(d[0], d[1], d[2], d[3], d[4]);
    }

    public boolean isEmpty() {
        return protocols.isEmpty() || sources.isEmpty() || destinations.isEmpty()
                || sourcePorts.isEmpty() || destinationPorts.isEmpty();
    }

    public boolean intersects(PacketBox o) {
        return protocols.intersects(o.protocols) && destinations.intersects(o.destinations)
                && destinationPorts.intersects(o.destinationPorts) && sources.intersects(o.sources)
                && sourcePorts.intersects(o.sourcePorts);
    }

    /** The common part, or null when there is none. */
    public PacketBox intersect(PacketBox o) {
        if (!intersects(o)) return null;
        return new PacketBox(protocols.intersect(o.protocols), sources.intersect(o.sources),
                destinations.intersect(o.destinations), sourcePorts.intersect(o.sourcePorts),
                destinationPorts.intersect(o.destinationPorts));
    }

    public boolean containsAll(PacketBox o) {
        return protocols.containsAll(o.protocols) && sources.containsAll(o.sources)
                && destinations.containsAll(o.destinations) && sourcePorts.containsAll(o.sourcePorts)
                && destinationPorts.containsAll(o.destinationPorts);
    }

    /** This box minus another, as at most five disjoint boxes. */
    public List<PacketBox> subtract(PacketBox o) {
        if (!intersects(o)) return List.of(this);
        if (o.containsAll(this)) return List.of();
        List<PacketBox> out = new ArrayList<>(5);
        IntervalSet[] cur = {protocols, sources, destinations, sourcePorts, destinationPorts};
        for (int i = 0; i < 5; i++) {
            IntervalSet outside = cur[i].subtract(o.dim(i));
            if (!outside.isEmpty()) {
                IntervalSet[] piece = cur.clone();
                piece[i] = outside;
                out.add(withDims(piece));
            }
            cur[i] = cur[i].intersect(o.dim(i));
        }
        return out;
    }

    public boolean contains(Packet p) {
        return protocols.contains(p.protocol()) && sources.contains(U128.hiOf(p.source()), U128.loOf(p.source()))
                && destinations.contains(U128.hiOf(p.destination()), U128.loOf(p.destination()))
                && sourcePorts.contains(p.sourcePort()) && destinationPorts.contains(p.destinationPort());
    }

    /** Number of packets (protocol x addresses x ports), for tests and statistics. */
    public BigInteger size() {
        return protocols.size().multiply(sources.size()).multiply(destinations.size())
                .multiply(sourcePorts.size()).multiply(destinationPorts.size());
    }

    /** One concrete packet of this box, chosen to read well: a typical client port, a documentation address for "any". */
    public Packet witness() {
        int proto = protocols.contains(Protocols.TCP) ? Protocols.TCP
                : protocols.contains(Protocols.UDP) ? Protocols.UDP : protocols.first().intValue();
        return new Packet(proto, pick(sources), pickPort(sourcePorts, 50123), pick(destinations), pickPort(destinationPorts, -1));
    }

    private static final BigInteger[] NICE = {
        Addresses.parse("198.51.100.7").first(), Addresses.parse("203.0.113.7").first(), Addresses.parse("2001:db8::7").first()
    };

    private static BigInteger pick(IntervalSet s) {
        if (s.size().compareTo(BigInteger.valueOf(256)) > 0) {
            for (BigInteger n : NICE) {
                if (s.contains(U128.hiOf(n), U128.loOf(n))) return n;
            }
        }
        BigInteger first = s.first();
        // avoid a network address (x.x.x.0) when the first interval is larger than one address
        if (first.testBit(0) == false && s.end(0).compareTo(first) > 0 && first.mod(BigInteger.valueOf(256)).signum() == 0) {
            return first.add(BigInteger.ONE);
        }
        return first;
    }

    private static int pickPort(IntervalSet s, int preferred) {
        if (preferred >= 0 && s.contains(preferred)) return preferred;
        return (int) s.startLong(0);
    }

    @Override
    public String toString() {
        return Protocols.format(protocols) + " " + Addresses.format(sources) + ":" + Ports.format(sourcePorts)
                + " -> " + Addresses.format(destinations) + ":" + Ports.format(destinationPorts);
    }
}
