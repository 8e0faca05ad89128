package io.lyncaudit.deployment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The five Edge topologies of the Lync Server 2013 port summaries. */
public enum EdgeScenario {
    SINGLE_CONSOLIDATED_NAT("single-consolidated-nat", true),
    SINGLE_CONSOLIDATED_PUBLIC("single-consolidated-public", false),
    SCALED_DNS_NAT("scaled-dns-nat", true),
    SCALED_DNS_PUBLIC("scaled-dns-public", false),
    SCALED_HLB("scaled-hlb", false);

    private final String id;
    private final boolean nat;

    EdgeScenario(String id, boolean nat) {
        this.id = id;
        this.nat = nat;
    }

    public String id() {
        return id;
    }

    /** True when the Edge's external interfaces carry private addresses translated by NAT. */
    public boolean nat() {
        return nat;
    }

    public static EdgeScenario fromId(String id) {
        for (EdgeScenario s : values()) {
            if (s.id.equals(id)) return s;
        }
        return null;
    }

    public static String ids() {
        return Arrays.stream(values()).map(EdgeScenario::id).collect(Collectors.joining(", "));
    }
}
