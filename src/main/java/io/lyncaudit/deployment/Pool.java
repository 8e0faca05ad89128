package io.lyncaudit.deployment;

import java.util.List;

/**
 * A pool or single server of one role.
 *
 * @param vip           hardware load balancer VIP, or null
 * @param internal      for roles in the perimeter (reverse proxy): the internal interface, or null
 * @param external      for roles in the perimeter: the external interface, or null
 * @param loadBalancing how a pool with a VIP is balanced: "hlb" (hardware load balancing only: every
 *                      port through the VIP, internal-servers table 2) or "dns" (DNS load balancing,
 *                      the VIP carries web traffic only, table 3); null when the pool has no VIP
 */
public record Pool(String name, Role role, Address vip, List<Address> servers, boolean collocatedMediation,
                   boolean centralManagementStore, Address internal, EdgeInterface external, int line, String loadBalancing) {

    public static final String HLB = "hlb";
    public static final String DNS = "dns";

    public Pool {
        servers = List.copyOf(servers);
        if (vip == null) loadBalancing = null;
        else if (loadBalancing == null) loadBalancing = HLB;
    }

    /** A pool with the default load balancing: hardware only when it has a VIP. */
    public Pool(String name, Role role, Address vip, List<Address> servers, boolean collocatedMediation,
                boolean centralManagementStore, Address internal, EdgeInterface external, int line) {
        this(name, role, vip, servers, collocatedMediation, centralManagementStore, internal, external, line, null);
    }

    /** True when the pool has a VIP and balances every port through it (no DNS load balancing). */
    public boolean hardwareLoadBalancedOnly() {
        return HLB.equals(loadBalancing);
    }
}
