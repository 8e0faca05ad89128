package io.lyncaudit.deployment;

import java.util.List;

/**
 * The Edge deployment: scenario, servers, and for scaled-hlb the load balancer VIPs.
 *
 * @param vips null unless the scenario uses hardware load balancers
 */
public record Edge(EdgeScenario scenario, List<EdgeServer> servers, EdgeServer vips, int line) {

    public Edge {
        servers = List.copyOf(servers);
    }
}
