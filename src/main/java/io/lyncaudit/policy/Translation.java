package io.lyncaudit.policy;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;

/**
 * A destination translation a rule applies to the packets it matches (DNAT, redirect): every
 * later stage of the path sees the new destination. Each field is null when the translation keeps
 * it. The reading is one address and one port: a translation to a range picks one per connection
 * on the device, so an importer reads the first and marks the rule uncertain.
 *
 * @param destination     the new destination address (one address), or null
 * @param destinationPort the new destination port (one port), or null
 * @param toHost          true for a redirect: the packet is delivered to the firewall itself, so on
 *                        a path through the box it never leaves by the egress interface
 */
public record Translation(IntervalSet destination, IntervalSet destinationPort, boolean toHost) {

    public Translation {
        if (destination != null && !destination.size().equals(java.math.BigInteger.ONE)) {
            throw new IllegalArgumentException("a translation reads one destination address");
        }
        if (destinationPort != null && !destinationPort.size().equals(java.math.BigInteger.ONE)) {
            throw new IllegalArgumentException("a translation reads one destination port");
        }
    }

    /** The packets of {@code s} as the next stages see them. */
    public PacketSet apply(PacketSet s) {
        PacketSet out = PacketSet.EMPTY;
        for (PacketBox b : s.boxes()) {
            out = out.union(PacketSet.of(new PacketBox(b.protocols(), b.sources(),
                    destination != null ? destination : b.destinations(), b.sourcePorts(),
                    destinationPort != null ? destinationPort : b.destinationPorts())));
        }
        return out;
    }

    /**
     * Every packet whose image under this translation lies in {@code image}. A replaced field is
     * a single value, so each box of the image either holds it (any original value maps there) or not.
     */
    public PacketSet preimage(PacketSet image) {
        PacketSet out = PacketSet.EMPTY;
        for (PacketBox b : image.boxes()) {
            IntervalSet dst = b.destinations(), dport = b.destinationPorts();
            if (destination != null) {
                if (!dst.containsAll(destination)) continue;
                dst = Addresses.ALL;
            }
            if (destinationPort != null) {
                if (!dport.containsAll(destinationPort)) continue;
                dport = Ports.ALL;
            }
            out = out.union(PacketSet.of(new PacketBox(b.protocols(), b.sources(), dst, b.sourcePorts(), dport)));
        }
        return out;
    }

    /** This translation applied after {@code earlier}: what a packet looks like after both. */
    public Translation after(Translation earlier) {
        if (earlier == null) return this;
        return new Translation(destination != null ? destination : earlier.destination,
                destinationPort != null ? destinationPort : earlier.destinationPort, toHost || earlier.toHost);
    }

    /** "10.0.0.5:4443", "10.0.0.5", ":8080" or "the firewall itself". */
    public String describe() {
        String a = destination != null ? Addresses.format(destination) : "";
        String p = destinationPort != null ? ":" + Ports.format(destinationPort) : "";
        if (toHost) return "the firewall itself" + (p.isEmpty() ? "" : " (port " + p.substring(1) + ")");
        return a.contains(":") && !p.isEmpty() ? "[" + a + "]" + p : a + p;
    }
}
