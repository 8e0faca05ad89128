package io.lyncaudit.deployment;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded and validated deployment file: what is deployed where, which features are on, and
 * which firewalls guard it.
 *
 * @param networks   named address sets as written (internal, perimeter, clients, partner lists ...)
 * @param portRanges configured media ranges by name (edgeMedia, audio, video, applicationSharing, clientMedia)
 */
public record Deployment(Path file, String displayFile, String name, String catalog, Edge edge,
                         Map<String, Boolean> features, Map<String, IntervalSet> portRanges, List<Pool> pools,
                         Map<String, IntervalSet> networks, List<FirewallSpec> firewalls, List<IpsecSpec> ipsec) {

    /** Network names that describe remote parties on the internet, not sides of a firewall. */
    public static final List<String> PARTNER_NETWORKS = List.of("federationPartners", "publicImPartners", "xmppPartners");

    public Deployment {
        features = Map.copyOf(features);
        portRanges = Map.copyOf(portRanges);
        pools = List.copyOf(pools);
        networks = Map.copyOf(networks);
        firewalls = List.copyOf(firewalls);
        ipsec = List.copyOf(ipsec);
    }

    public boolean feature(String name) {
        return features.getOrDefault(name, Features.DEFAULTS.getOrDefault(name, false));
    }

    /** The addresses of a named network; "internet" is everything no other side network holds, unless listed. */
    public IntervalSet network(String name) {
        IntervalSet s = networks.get(name);
        if (s != null) return s;
        if (name.equals("internet")) {
            IntervalSet rest = Addresses.ALL;
            for (Map.Entry<String, IntervalSet> e : networks.entrySet()) {
                if (!PARTNER_NETWORKS.contains(e.getKey())) rest = rest.subtract(e.getValue());
            }
            return rest;
        }
        if (PARTNER_NETWORKS.contains(name)) return network("internet");
        return IntervalSet.EMPTY;
    }

    /** Side networks (not partner lists), "internet" included. */
    public List<String> sideNetworks() {
        List<String> out = new ArrayList<>();
        for (String n : networks.keySet()) {
            if (!PARTNER_NETWORKS.contains(n) && !n.equals("internet")) out.add(n);
        }
        out.sort(null);
        out.add("internet");
        return out;
    }

    public List<Pool> pools(Role role) {
        return pools.stream().filter(p -> p.role() == role).toList();
    }
}
