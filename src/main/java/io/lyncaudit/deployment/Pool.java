package io.lyncaudit.deployment;

import java.util.List;

/**
 * A pool or single server of one role.
 *
 * @param vip      hardware load balancer VIP, or null
 * @param internal for roles in the perimeter (reverse proxy): the internal interface, or null
 * @param external for roles in the perimeter: the external interface, or null
 */
public record Pool(String name, Role role, Address vip, List<Address> servers, boolean collocatedMediation,
                   boolean centralManagementStore, Address internal, EdgeInterface external, int line) {

    public Pool {
        servers = List.copyOf(servers);
    }
}
