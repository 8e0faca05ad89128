package io.lyncaudit.ipsec;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One enabled connection-security rule: the packets it matches (both directions between its two
 * endpoints) and whether it exempts them from IPsec.
 *
 * @param index          1-based position among the rules of its input
 * @param name           the rule's name, or null
 * @param exempt         true for "Do not authenticate" (an exemption), false for "Request"/"Require"
 * @param authentication the authentication cell as written
 * @param match          every packet the rule applies to
 */
public record IpsecRule(int index, String name, boolean exempt, String authentication, PacketSet match, SourceRef source) {

    /** Protocols whose packets carry ports; port cells restrict only these. */
    private static final IntervalSet PORTED = Protocols.PORTED;

    /**
     * The packets a rule between two endpoints matches: endpoint 1 to endpoint 2 with ports 1 to
     * ports 2, and the way back, since a connection-security rule protects (or exempts) both directions.
     * Ports restrict only protocols that have them.
     */
    public static PacketSet between(IntervalSet protocols, IntervalSet endpoint1, IntervalSet endpoint2, IntervalSet ports1,
                                    IntervalSet ports2) {
        List<PacketBox> boxes = new ArrayList<>();
        boolean anyPorts = ports1.equals(Ports.ALL) && ports2.equals(Ports.ALL);
        IntervalSet ported = anyPorts ? protocols : protocols.intersect(PORTED);
        IntervalSet portless = anyPorts ? IntervalSet.EMPTY : protocols.subtract(PORTED);
        if (!ported.isEmpty()) {
            boxes.add(new PacketBox(ported, endpoint1, endpoint2, ports1, ports2));
            boxes.add(new PacketBox(ported, endpoint2, endpoint1, ports2, ports1));
        }
        if (!portless.isEmpty()) {
            boxes.add(new PacketBox(portless, endpoint1, endpoint2, Ports.ALL, Ports.ALL));
            boxes.add(new PacketBox(portless, endpoint2, endpoint1, Ports.ALL, Ports.ALL));
        }
        PacketSet s = PacketSet.EMPTY;
        for (PacketBox b : boxes) s = s.union(PacketSet.of(b));
        return s;
    }
}
