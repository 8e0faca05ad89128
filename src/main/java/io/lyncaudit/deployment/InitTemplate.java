package io.lyncaudit.deployment;

/** The commented deployment template `lyncaudit init` prints, for each scenario. */
public final class InitTemplate {
    private InitTemplate() {}

    public static String render(EdgeScenario s) {
        boolean nat = s.nat();
        boolean scaled = s != EdgeScenario.SINGLE_CONSOLIDATED_NAT && s != EdgeScenario.SINGLE_CONSOLIDATED_PUBLIC;
        StringBuilder b = new StringBuilder();
        b.append("""
                # lyncaudit deployment file, format version 1 (see contracts/deployment.example.yaml).
                # Fill in your addresses, features and firewall exports, then run:
                #   java -jar lyncaudit.jar audit THIS_FILE
                # Paths are relative to this file. Addresses: IPv4 or IPv6, single, CIDR or a-b range.

                schemaVersion: 1
                name: My Lync deployment
                catalog: lync-server-2013

                edge:
                """);
        b.append("  scenario: ").append(s.id()).append("      # single-consolidated-nat | single-consolidated-public |\n")
                .append("                                      # scaled-dns-nat | scaled-dns-public | scaled-hlb\n");
        b.append("  servers:\n");
        int n = scaled ? 2 : 1;
        for (int i = 1; i <= n; i++) {
            b.append("    - name: edge0").append(i).append('\n');
            b.append("      internal: 10.0.10.").append(4 + i).append("                  # the Edge internal interface\n");
            b.append(iface("accessEdge", "172.25.33." + (9 + i), "131.107.155." + (9 + i), nat));
            b.append(iface("webConferencingEdge", "172.25.33." + (19 + i), "131.107.155." + (19 + i), nat));
            b.append(iface("avEdge", "172.25.33." + (29 + i), "131.107.155." + (29 + i), nat));
        }
        if (s == EdgeScenario.SCALED_HLB) {
            b.append("  vips:                                # the hardware load balancer VIPs in front of the servers\n");
            b.append("    internal: 10.0.10.4\n");
            b.append(iface("accessEdge", "172.25.33.9", "131.107.155.9", nat).replaceFirst("      ", "    "));
            b.append(iface("webConferencingEdge", "172.25.33.19", "131.107.155.19", nat).replaceFirst("      ", "    "));
            b.append(iface("avEdge", "172.25.33.29", "131.107.155.29", nat).replaceFirst("      ", "    "));
        }
        b.append("""

                features:                 # requirements that depend on a feature apply only when it is on
                  remoteAccess: true      # external users sign in through the Access Edge
                  webConferencing: true
                  audioVideo: true
                  federation: false       # SIP federation with other organisations
                  xmpp: false             # XMPP federation (5269 outside, 23456 inside)
                  publicIm: false         # public IM connectivity
                  ocs2007Federation: false   # partners still on OCS 2007 (extra media openings)
                  multipleEdgePools: false
                  centralizedLogging: false  # CLS ports 50001-50003 to the Edge

                portRanges:               # what Set-CsEdgeServer / Set-CsConferenceServer configured; these are the defaults
                  edgeMedia: 50000-59999

                pools:
                  - name: fepool01
                    role: front-end        # front-end | director | mediation | persistent-chat | office-web-apps |
                                           # reverse-proxy | exchange-um | pstn-gateway | sba | sql
                    vip: 10.0.1.10         # hardware load balancer VIP, when there is one
                    # loadBalancing: hlb     # with a vip: hlb (the VIP carries SIP, web and the load balancer
                                           # table's other ports; the default) or dns (the VIP carries web only)
                    # collocatedMediation: true   # the Front End servers also run the Mediation Server
                    servers: [10.0.1.11, 10.0.1.12]
                    centralManagementStore: true
                  # - name: dir01
                  #   role: director
                  #   servers: [10.0.2.11]
                  # - name: gw01           # PSTN gateways (and RCC/PBX gateways) the Mediation Server talks to
                  #   role: pstn-gateway
                  #   servers: [10.0.4.2]

                networks:                 # named address sets; firewalls refer to them by name
                  internal: [10.0.0.0/8]
                  perimeter: [172.25.32.0/22]
                  # clients: [10.1.0.0/16]  # client networks: sources of client-to-server requirements (default: all of internal)
                  # internet: everything not listed here (implicit)
                  # federationPartners: [192.0.2.0/24]   # narrows 'any' for federation rows (default: the internet)

                firewalls:
                  - name: edge-external
                    config: edge-external-rules.xlsx     # format is detected from content unless `format:` is given
                    # format: spreadsheet                # or cisco-asa, cisco-ios, iptables, nftables, junos-srx (zones are the interfaces), neutral
                    # encoding: windows-1252             # a text export's encoding, when detection should not decide
                    # action: permit                     # a spreadsheet without an action column: every row is an opening
                    # vdom: root                         # a multi-VDOM FortiGate export: the VDOM to audit
                    interfaces:                          # interface (ASA nameif, Linux ifname) or, on a zone firewall
                      outside: [internet]                #   (PAN-OS, FortiGate, SRX), zone name -> networks behind it
                      dmz: [perimeter]
                """);
        if (nat) {
            b.append("    # edgeAddresses: private          # the Edge addresses its rules use: private (real, default), public, or nat\n"
                    + "    #                                  # (translated by the box); unneeded when the export holds the Edge NAT\n");
        }
        b.append("""
                  - name: edge-internal
                    config: edge-internal-rules.csv
                    interfaces:
                      dmz: [perimeter]
                      inside: [internal]
                  # - name: fe01-host                    # a host firewall (Windows Firewall of one server): the
                  #   config: fe01-firewall.csv          # internal-server requirements to and from this address
                  #   format: windows-firewall           # are checked on it; EXTRA = inbound that none justifies
                  #   host: 10.0.1.11
                  #   profile: domain                    # the Windows profile whose rules are active (domain, private, public)
                """);
        return b.toString();
    }

    private static String iface(String name, String priv, String pub, boolean nat) {
        String key = "      " + name + ":";
        String pad = " ".repeat(Math.max(1, 27 - key.length()));
        return nat ? key + pad + "{ address: " + priv + ", public: " + pub + " }\n"
                : key + pad + pub + "\n";
    }
}
