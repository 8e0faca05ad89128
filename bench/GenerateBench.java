import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates a synthetic audit input: a deployment of SERVERS Lync servers behind an internal
 * firewall whose rule spreadsheet has RULES rows, plus a small external firewall. Deterministic
 * (fixed seed). Run with: java bench/GenerateBench.java OUT_DIR RULES [SERVERS]
 */
public final class GenerateBench {
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/GenerateBench.java OUT_DIR RULES [SERVERS]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int rules = Integer.parseInt(args[1]);
        int servers = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Files.createDirectories(out);
        Random r = new Random(42);

        // 100 servers: Front End pools of 10, Directors, the rest mediation/persistent chat
        StringBuilder pools = new StringBuilder();
        int n = 0, pool = 0;
        while (n < servers) {
            String role = pool % 4 == 0 ? "director" : pool % 4 == 3 ? "mediation" : "front-end";
            int size = Math.min(10, servers - n);
            pools.append("  - name: pool").append(pool).append("\n    role: ").append(role).append("\n    servers: [");
            for (int i = 0; i < size; i++) pools.append(i > 0 ? ", " : "").append(server(n + i));
            pools.append("]\n");
            if (pool == 1) pools.append("    centralManagementStore: true\n");
            n += size;
            pool++;
        }
        String deployment = """
                schemaVersion: 1
                name: Benchmark (%d rules, %d servers)
                edge:
                  scenario: single-consolidated-nat
                  servers:
                    - name: edge01
                      internal: 172.25.34.5
                      accessEdge:          { address: 172.25.33.10, public: 131.107.155.10 }
                      webConferencingEdge: { address: 172.25.33.11, public: 131.107.155.20 }
                      avEdge:              { address: 172.25.33.12, public: 131.107.155.30 }
                features: { federation: true, xmpp: true, centralizedLogging: true }
                pools:
                %snetworks:
                  internal: [10.0.0.0/8]
                  perimeter: [172.25.32.0/22]
                firewalls:
                  - name: edge-external
                    config: external.csv
                    interfaces: { outside: [internet], dmz: [perimeter] }
                  - name: edge-internal
                    config: internal.csv
                    interfaces: { dmz: [perimeter], inside: [internal] }
                """.formatted(rules, servers, pools);
        Files.writeString(out.resolve("deployment.yaml"), deployment, StandardCharsets.UTF_8);

        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("external.csv"), StandardCharsets.UTF_8))) {
            w.println("Name,Source,Destination,Protocol,Port,Action");
            w.println("sip,any,172.25.33.10,TCP,\"443, 5061, 5269\",permit");
            w.println("sip out,172.25.33.10,any,TCP,\"5061, 5269, 80, 53\",permit");
            w.println("dns,172.25.33.10,any,UDP,53,permit");
            w.println("webconf,any,172.25.33.11,TCP,443,permit");
            w.println("av in,any,172.25.33.12,TCP,443,permit");
            w.println("av in udp,any,172.25.33.12,UDP,3478,permit");
            w.println("av out,172.25.33.12,any,TCP,\"443, 50000-59999\",permit");
            w.println("av out udp,172.25.33.12,any,UDP,3478,permit");
            w.println("deny,any,any,any,any,deny");
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("internal.csv"), StandardCharsets.UTF_8))) {
            w.println("Name,Source,Destination,Protocol,Port,Action,Enabled");
            // the required openings come first, then a long tail of unrelated rules, as in real rule bases
            w.println("fe to edge,10.0.0.0/8,172.25.34.5,TCP,\"5061, 5062, 8057, 4443, 23456, 443, 50001-50003\",permit,yes");
            w.println("stun,10.0.0.0/8,172.25.34.5,UDP,3478,permit,yes");
            w.println("edge to pools,172.25.34.5,10.0.0.0/8,TCP,5061,permit,yes");
            for (int i = 3; i < rules - 1; i++) {
                String src = r.nextInt(5) == 0 ? "10." + r.nextInt(256) + "." + r.nextInt(256) + ".0/24" : host(r);
                // mostly other perimeter hosts; a few rules touch the Edge or come from Lync servers
                String dst = r.nextInt(50) == 0 ? "172.25.34.5" : "172.25." + (32 + r.nextInt(4)) + "." + (1 + r.nextInt(254));
                if (r.nextInt(100) == 0) src = server(r.nextInt(servers));
                String proto = r.nextBoolean() ? "TCP" : "UDP";
                int p = 1024 + r.nextInt(60000);
                String port = r.nextInt(4) == 0 ? p + "-" + (p + r.nextInt(200)) : Integer.toString(p);
                String action = r.nextInt(10) < 7 ? "permit" : "deny";
                String enabled = r.nextInt(100) == 0 ? "no" : "yes";
                w.println("r" + i + "," + src + "," + dst + "," + proto + "," + port + "," + action + "," + enabled);
            }
            w.println("deny all,any,any,any,any,deny,yes");
        }
    }

    private static String server(int i) {
        return "10.0." + (1 + i / 200) + "." + (11 + i % 200);
    }

    private static String host(Random r) {
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
