import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic Cisco ASA 9.x {@code show running-config} of exactly LINES lines (default
 * 100,000), for the import benchmark. Deterministic (fixed seed). Run with:
 * java bench/GenerateAsa.java OUT_FILE [LINES]
 *
 * <p>The file has what a large ASA has: a header with names and seven interfaces; network objects
 * (host, subnet, range), some with object NAT; service objects; network, typed service (tcp, udp,
 * tcp-udp), untyped service and protocol object-groups, nested with group-object; time ranges;
 * access lists on every interface mixing objects, groups, host, any, literal networks, interface
 * addresses, eq/range/gt/lt/neq with numbers and names, remarks, log, inactive and time-range;
 * access-group bindings (in, out, global); twice NAT; and the usual noise (logging, routes, crypto,
 * policy maps). The access lists fill whatever the other sections leave of LINES.
 */
public final class GenerateAsa {
    private static final String[] PORT_NAMES = {"www", "https", "sip", "domain", "ssh", "ldap", "ldaps", "smtp", "ftp",
            "h323", "sqlnet", "rtsp", "imap4", "pop3", "telnet", "citrix-ica", "netbios-ssn", "kerberos"};
    private static final String[] UDP_NAMES = {"domain", "sip", "ntp", "snmp", "syslog", "tftp", "radius", "isakmp", "bootps"};
    private static final String[] OPS = {"eq", "eq", "eq", "eq", "eq", "range", "range", "gt", "lt", "neq"};
    private static final String[][] IFACES = {
            // hardware, nameif, level, address, mask
            {"GigabitEthernet0/0", "outside", "0", "131.107.155.1", "255.255.255.0"},
            {"GigabitEthernet0/1", "dmz", "50", "172.25.33.1", "255.255.255.0"},
            {"GigabitEthernet0/2", "inside", "100", "10.0.0.1", "255.255.0.0"},
            {"GigabitEthernet0/3", "partner", "20", "198.51.100.1", "255.255.255.0"},
            {"GigabitEthernet0/4", "voice", "60", "10.200.0.1", "255.255.0.0"},
            {"GigabitEthernet0/5", "guest", "10", "192.168.100.1", "255.255.255.0"},
            {"Management0/0", "management", "100", "10.254.254.1", "255.255.255.0"}};
    /** ACLs bound in on an interface, with their share of the entries (in %). */
    private static final String[][] ACLS = {{"outside_access_in", "outside", "35"}, {"dmz_access_in", "dmz", "18"},
            {"inside_access_in", "inside", "25"}, {"partner_access_in", "partner", "10"}, {"voice_access_in", "voice", "7"},
            {"guest_access_in", "guest", "3"}, {"global_access", null, "1"}, {"inside_access_out", "inside", "1"}};

    private final Random r = new Random(42);
    private final List<String> netObjects = new ArrayList<>();
    private final List<String> svcObjects = new ArrayList<>();
    private final List<String> netGroups = new ArrayList<>();
    private final List<String> tcpGroups = new ArrayList<>();
    private final List<String> udpGroups = new ArrayList<>();
    private final List<String> tcpOnly = new ArrayList<>();
    private final List<String> udpOnly = new ArrayList<>();
    private final List<String> tcpUdpOnly = new ArrayList<>();
    private final List<String> svcGroups = new ArrayList<>();
    private final java.util.Set<String> objectNames = new java.util.HashSet<>();
    private final List<String> protoGroups = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> timeRanges = List.of("WORKDAYS", "MAINT_WINDOW", "Q4_PROJECT");

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/GenerateAsa.java OUT_FILE [LINES]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        List<String> text = new GenerateAsa().generate(lines);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String l : text) w.print(l + "\n");
        }
        System.out.println(out + ": " + text.size() + " lines");
    }

    private List<String> generate(int total) {
        double scale = total / 100_000.0;
        List<String> head = new ArrayList<>();
        header(head, (int) (200 * scale));
        objects(head, (int) (3000 * scale), (int) (400 * scale));
        groups(head, (int) (1200 * scale), (int) (300 * scale), (int) (200 * scale));

        List<String> tail = new ArrayList<>();
        tail.add("pager lines 24");
        tail.add("logging enable");
        tail.add("logging timestamp");
        tail.add("logging buffer-size 1048576");
        tail.add("logging buffered informational");
        tail.add("logging trap notifications");
        tail.add("logging host management 10.254.254.20");
        tail.add("logging host management 10.254.254.21 6/1470");
        for (String[] f : IFACES) tail.add("mtu " + f[1] + " 1500");
        tail.add("no failover");
        tail.add("icmp unreachable rate-limit 1 burst-size 1");
        tail.add("asdm image disk0:/asdm-7181.bin");
        tail.add("no asdm history enable");
        tail.add("arp timeout 14400");
        tail.add("no arp permit-nonconnected");
        tail.add("arp rate-limit 16384");
        twiceNat(tail, Math.max(4, (int) (12 * scale)));
        tail.add("!");
        for (String[] a : ACLS) {
            tail.add(a[1] == null ? "access-group " + a[0] + " global"
                    : "access-group " + a[0] + (a[0].endsWith("_out") ? " out" : " in") + " interface " + a[1]);
        }
        tail.add("route outside 0.0.0.0 0.0.0.0 131.107.155.254 1");
        for (int i = 0; i < (int) (300 * scale); i++) {
            tail.add("route inside 10." + (1 + i % 199) + "." + (i / 199 * 16) + ".0 255.255.240.0 10.0.0.254 1");
        }
        tail.add("timeout xlate 3:00:00");
        tail.add("timeout pat-xlate 0:00:30");
        tail.add("timeout conn 1:00:00 half-closed 0:10:00 udp 0:02:00 sctp 0:02:00 icmp 0:00:02");
        tail.add("timeout sip 0:30:00 sip_media 0:02:00 sip-invite 0:03:00 sip-disconnect 0:02:00");
        tail.add("user-identity default-domain LOCAL");
        tail.add("aaa authentication ssh console LOCAL");
        tail.add("aaa-server RADIUS protocol radius");
        tail.add("aaa-server RADIUS (management) host 10.254.254.30");
        tail.add(" key *****");
        tail.add("http server enable");
        tail.add("http 10.254.254.0 255.255.255.0 management");
        tail.add("snmp-server host management 10.254.254.40 community ***** version 2c");
        tail.add("snmp-server location DC1 row 4");
        tail.add("snmp-server enable traps snmp authentication linkup linkdown coldstart warmstart");
        tail.add("crypto ipsec ikev2 ipsec-proposal AES256");
        tail.add(" protocol esp encryption aes-256");
        tail.add(" protocol esp integrity sha-256");
        tail.add("crypto ipsec security-association pmtu-aging infinite");
        tail.add("crypto map outside_map 1 match address partner_vpn");
        tail.add("crypto map outside_map 1 set peer 203.0.113.77");
        tail.add("crypto map outside_map 1 set ikev2 ipsec-proposal AES256");
        tail.add("crypto map outside_map interface outside");
        tail.add("crypto ca trustpool policy");
        tail.add("crypto ikev2 policy 10");
        tail.add(" encryption aes-256");
        tail.add(" integrity sha256");
        tail.add(" group 14");
        tail.add(" prf sha256");
        tail.add(" lifetime seconds 86400");
        tail.add("crypto ikev2 enable outside");
        tail.add("telnet timeout 5");
        tail.add("ssh stricthostkeycheck");
        tail.add("ssh 10.254.254.0 255.255.255.0 management");
        tail.add("ssh timeout 30");
        tail.add("ssh version 2");
        tail.add("console timeout 0");
        tail.add("threat-detection basic-threat");
        tail.add("threat-detection statistics access-list");
        tail.add("no threat-detection statistics tcp-intercept");
        tail.add("ntp server 10.254.254.50 source management prefer");
        tail.add("dynamic-access-policy-record DfltAccessPolicy");
        tail.add("username admin password ***** pbkdf2 privilege 15");
        tail.add("tunnel-group 203.0.113.77 type ipsec-l2l");
        tail.add("tunnel-group 203.0.113.77 ipsec-attributes");
        tail.add(" ikev2 remote-authentication pre-shared-key *****");
        tail.add(" ikev2 local-authentication pre-shared-key *****");
        tail.add("!");
        tail.add("class-map inspection_default");
        tail.add(" match default-inspection-traffic");
        tail.add("!");
        tail.add("!");
        tail.add("policy-map type inspect dns preset_dns_map");
        tail.add(" parameters");
        tail.add("  message-length maximum client auto");
        tail.add("  message-length maximum 512");
        tail.add("policy-map global_policy");
        tail.add(" class inspection_default");
        for (String i : new String[] {"dns preset_dns_map", "ftp", "h323 h225", "h323 ras", "ip-options", "netbios", "rsh",
                "rtsp", "skinny", "esmtp", "sqlnet", "sunrpc", "tftp", "sip", "xdmcp"}) {
            tail.add("  inspect " + i);
        }
        tail.add("!");
        tail.add("service-policy global_policy global");
        tail.add("prompt hostname context");
        tail.add("no call-home reporting anonymous");
        tail.add("call-home");
        tail.add(" profile CiscoTAC-1");
        tail.add("  no active");
        tail.add("  destination address http https://tools.cisco.com/its/service/oddce/services/DDCEService");
        tail.add("Cryptochecksum:4b1d7c0e9a8f3e2d1c0b9a8f7e6d5c4b");
        tail.add(": end");

        int aclLines = total - head.size() - objectNat.size() - tail.size() - timeRangeLines();
        List<String> acl = new ArrayList<>();
        accessLists(acl, aclLines);
        List<String> all = new ArrayList<>(head);
        all.addAll(acl);
        all.addAll(objectNat);
        timeRanges(all);
        all.addAll(tail);
        return all;
    }

    // ---- header ------------------------------------------------------------------------------------

    private void header(List<String> o, int nameCount) {
        o.add(": Saved");
        o.add(":");
        o.add(": Serial Number: FCH0000X0BN");
        o.add(": Hardware:   ASA5555, 16384 MB RAM, CPU Lynnfield 2800 MHz, 1 CPU (8 cores)");
        o.add(":");
        o.add("ASA Version 9.16(4)19 ");
        o.add("!");
        o.add("hostname dc1-fw01");
        o.add("domain-name contoso.test");
        o.add("enable password ***** pbkdf2");
        o.add("names");
        o.add("no mac-address auto");
        for (int i = 0; i < nameCount; i++) {
            String n = "SRV_" + String.format("%04d", i);
            names.add(n);
            o.add("name 10." + (1 + i % 200) + "." + (50 + i / 200) + "." + (10 + i % 37) + " " + n
                    + (i % 5 == 0 ? " description application server " + i : ""));
        }
        o.add("!");
        for (String[] f : IFACES) {
            o.add("interface " + f[0]);
            if (f[0].startsWith("Management")) o.add(" management-only");
            o.add(" description " + f[1] + " network");
            o.add(" nameif " + f[1]);
            o.add(" security-level " + f[2]);
            o.add(" ip address " + f[3] + " " + f[4] + " standby " + f[3].substring(0, f[3].lastIndexOf('.') + 1) + "2");
            o.add("!");
        }
        o.add("ftp mode passive");
        o.add("clock timezone CET 1");
        o.add("clock summer-time CEST recurring last Sun Mar 2:00 last Sun Oct 3:00");
        o.add("dns domain-lookup management");
        o.add("dns server-group DefaultDNS");
        o.add(" name-server 10.254.254.53");
        o.add(" domain-name contoso.test");
        o.add("same-security-traffic permit inter-interface");
    }

    // ---- objects -----------------------------------------------------------------------------------

    /** The second "object network NAME" block of each object with NAT, printed after the access lists. */
    private final List<String> objectNat = new ArrayList<>();

    private void objects(List<String> o, int nets, int svcs) {
        for (int i = 0; i < nets; i++) {
            int kind = r.nextInt(10);
            String name;
            List<String> body = new ArrayList<>();
            if (kind < 6) {
                String a = host();
                name = (r.nextInt(3) == 0 ? "obj-" + a : "H_" + word() + "_" + i);
                body.add(" host " + a);
            } else if (kind < 9) {
                int len = 20 + r.nextInt(9);
                String a = net(len);
                name = (r.nextInt(3) == 0 ? "obj-" + a + "_" + len : "N_" + word() + "_" + i);
                body.add(" subnet " + a + " " + mask(len));
            } else {
                int b = r.nextInt(250);
                String p = "10." + r.nextInt(256) + "." + r.nextInt(256) + ".";
                name = "R_" + word() + "_" + i;
                body.add(" range " + p + (1 + b / 2) + " " + p + (1 + b / 2 + r.nextInt(250 - b / 2)));
            }
            if (r.nextInt(8) == 0) body.add(0, " description " + word() + " " + word());
            // Object NAT as a 9.x running-config prints it: in a second "object network NAME" block
            // after the access lists
            String nat = null;
            if (kind < 6 && i % 15 == 0) {
                nat = " nat (" + (r.nextBoolean() ? "dmz" : "inside") + ",outside) static 131.107." + (150 + r.nextInt(8)) + "."
                        + (2 + r.nextInt(250));
            } else if (kind >= 6 && kind < 9 && i % 40 == 1) {
                nat = " nat (inside,outside) dynamic interface";
            }
            if (!objectNames.add(name)) {
                name = name + "_" + i;
                objectNames.add(name);
            }
            if (nat != null) {
                objectNat.add("object network " + name);
                objectNat.add(nat);
            }
            o.add("object network " + name);
            o.addAll(body);
            netObjects.add(name);
        }
        for (int i = 0; i < svcs; i++) {
            String name = "SVC_" + word().toUpperCase() + "_" + i;
            o.add("object service " + name);
            switch (r.nextInt(5)) {
                case 0 -> o.add(" service udp destination " + op(true));
                case 1 -> o.add(" service tcp source range 1024 65535 destination " + op(false));
                default -> o.add(" service tcp destination " + op(false));
            }
            svcObjects.add(name);
        }
    }

    private void groups(List<String> o, int nets, int ports, int svcs) {
        for (String[] p : new String[][] {{"TCP_UDP", "tcp", "udp"}, {"WEB_PROTOS", "tcp"}, {"VPN_PROTOS", "esp", "ah", "gre"},
                {"ROUTING", "ospf", "eigrp", "pim"}}) {
            o.add("object-group protocol " + p[0]);
            for (int i = 1; i < p.length; i++) o.add(" protocol-object " + p[i]);
            protoGroups.add(p[0]);
        }
        o.add("object-group icmp-type PING");
        o.add(" icmp-object echo");
        o.add(" icmp-object echo-reply");
        for (int i = 0; i < nets; i++) {
            String name = "NG_" + word().toUpperCase() + "_" + i;
            o.add("object-group network " + name);
            if (r.nextInt(3) == 0) o.add(" description " + word() + " servers of " + word());
            int members = 2 + r.nextInt(10);
            for (int m = 0; m < members; m++) {
                int k = r.nextInt(10);
                if (k < 3) o.add(" network-object host " + host());
                else if (k < 5) {
                    int len = 22 + r.nextInt(7);
                    o.add(" network-object " + net(len) + " " + mask(len));
                } else if (k < 8) o.add(" network-object object " + pick(netObjects));
                else if (k < 9 && !netGroups.isEmpty()) o.add(" group-object " + netGroups.get(r.nextInt(netGroups.size())));
                else if (i % 97 == 0) o.add(" network-object 2001:db8:" + Integer.toHexString(r.nextInt(65536)) + "::/64");
                else o.add(" network-object host " + pick(names));
            }
            netGroups.add(name);
        }
        for (int i = 0; i < ports; i++) {
            int t = r.nextInt(4);
            String type = t < 2 ? "tcp" : t < 3 ? "udp" : "tcp-udp";
            String name = "PG_" + word().toUpperCase() + "_" + type.toUpperCase().replace('-', '_') + "_" + i;
            o.add("object-group service " + name + " " + type);
            if (r.nextInt(4) == 0) o.add(" description " + word() + " ports");
            int members = 1 + r.nextInt(8);
            List<String> same = t < 2 ? tcpOnly : t < 3 ? udpOnly : tcpUdpOnly;
            for (int m = 0; m < members; m++) {
                int k = r.nextInt(10);
                if (k < 5) o.add(" port-object eq " + (r.nextInt(3) == 0 ? portName(t == 2) : Integer.toString(1 + r.nextInt(65000))));
                else if (k < 9) {
                    int a = 1024 + r.nextInt(60000);
                    o.add(" port-object range " + a + " " + (a + r.nextInt(2000)));
                } else if (!same.isEmpty()) o.add(" group-object " + same.get(r.nextInt(same.size())));
                else o.add(" port-object eq " + portName(t == 2));
            }
            same.add(name);
            if (t != 2) tcpGroups.add(name); // tcp-udp groups serve as port groups of tcp and of udp entries
            if (t >= 2) udpGroups.add(name);
        }
        for (int i = 0; i < svcs; i++) {
            String name = "SG_" + word().toUpperCase() + "_" + i;
            o.add("object-group service " + name);
            if (r.nextInt(4) == 0) o.add(" description " + word() + " services");
            int members = 1 + r.nextInt(9);
            for (int m = 0; m < members; m++) {
                int k = r.nextInt(12);
                if (k < 4) o.add(" service-object tcp destination " + op(false));
                else if (k < 6) o.add(" service-object udp destination " + op(true));
                else if (k < 7) o.add(" service-object tcp-udp destination eq " + (r.nextBoolean() ? "domain" : "sip"));
                else if (k < 8) o.add(" service-object tcp source range 1024 65535 destination eq " + portName(false));
                else if (k < 10) o.add(" service-object object " + pick(svcObjects));
                else if (k < 11 && !svcGroups.isEmpty()) o.add(" group-object " + svcGroups.get(r.nextInt(svcGroups.size())));
                else o.add(" service-object " + (r.nextBoolean() ? "esp" : "gre"));
            }
            svcGroups.add(name);
        }
    }

    // ---- access lists ------------------------------------------------------------------------------

    private void accessLists(List<String> o, int total) {
        int done = 0;
        for (int a = 0; a < ACLS.length; a++) {
            String acl = ACLS[a][0];
            int n = a == ACLS.length - 1 ? total - done : total * Integer.parseInt(ACLS[a][2]) / 100;
            int written = 0;
            while (written < n) {
                if (n - written >= 2 && r.nextInt(25) == 0) {
                    o.add("access-list " + acl + " remark " + word() + " access for " + word() + " (change CHG" + (10000 + r.nextInt(90000)) + ")");
                    written++;
                }
                o.add("access-list " + acl + " extended " + entry(acl));
                written++;
            }
            done += written;
        }
    }

    private String entry(String acl) {
        StringBuilder s = new StringBuilder(r.nextInt(100) < 82 ? "permit " : "deny ");
        int p = r.nextInt(100);
        boolean ported = false;
        if (p < 45) {
            s.append("tcp ");
            ported = true;
        } else if (p < 60) {
            s.append("udp ");
            ported = true;
        } else if (p < 75) {
            s.append("object-group ").append(pick(svcGroups)).append(' ');
        } else if (p < 83) {
            s.append("object ").append(pick(svcObjects)).append(' ');
        } else if (p < 86) {
            s.append("object-group ").append(pick(protoGroups)).append(' ');
        } else if (p < 88) {
            s.append("icmp ");
        } else {
            s.append("ip ");
        }
        boolean udp = s.indexOf("udp ") >= 0;
        s.append(address(acl, true));
        if (ported && r.nextInt(12) == 0) s.append(r.nextBoolean() ? " gt 1023" : " range 1024 65535");
        s.append(' ').append(address(acl, false));
        if (ported) {
            int k = r.nextInt(10);
            if (k < 6) s.append(' ').append(op(udp));
            else if (k < 9) s.append(" object-group ").append(pick(udp ? udpGroups : tcpGroups));
        }
        int opt = r.nextInt(100);
        if (opt < 8) s.append(" log");
        else if (opt < 10) s.append(" log ").append(r.nextInt(8)).append(" interval ").append(60 * (1 + r.nextInt(10)));
        else if (opt < 11) s.append(" log disable");
        if (r.nextInt(150) == 0) s.append(" time-range ").append(timeRanges.get(r.nextInt(timeRanges.size())));
        if (r.nextInt(100) == 0) s.append(" inactive");
        return s.toString();
    }

    private String address(String acl, boolean source) {
        int k = r.nextInt(100);
        if (k < 14) return "any";
        if (k < 16) return "any4";
        if (k < 34) return "host " + (r.nextInt(6) == 0 ? pick(names) : host());
        if (k < 58) return "object " + pick(netObjects);
        if (k < 88) return "object-group " + pick(netGroups);
        if (k < 89 && !source) {
            String iface = acl.startsWith("dmz") ? "dmz" : acl.startsWith("inside") ? "inside" : "outside";
            return "interface " + iface;
        }
        int len = 16 + r.nextInt(13);
        return net(len) + " " + mask(len);
    }

    // ---- time ranges, NAT --------------------------------------------------------------------------

    private int timeRangeLines() {
        return 7;
    }

    private void timeRanges(List<String> o) {
        o.add("time-range WORKDAYS");
        o.add(" periodic weekdays 7:00 to 19:00");
        o.add("time-range MAINT_WINDOW");
        o.add(" periodic Sunday 2:00 to 6:00");
        o.add("time-range Q4_PROJECT");
        o.add(" absolute start 00:00 01 October 2026 end 23:59 31 December 2026");
        o.add("!");
    }

    private void twiceNat(List<String> o, int n) {
        o.add("nat (inside,outside) source static " + pick(netGroups) + " " + pick(netGroups) + " destination static "
                + pick(netObjects) + " " + pick(netObjects) + " no-proxy-arp route-lookup");
        for (int i = 1; i < n; i++) {
            switch (i % 4) {
                case 0 -> o.add("nat (dmz,outside) source static " + pick(netObjects) + " " + pick(netObjects));
                case 1 -> o.add("nat (inside,partner) source static " + pick(netGroups) + " " + pick(netGroups)
                        + " destination static " + pick(netObjects) + " " + pick(netObjects));
                case 2 -> o.add("nat (inside,outside) source dynamic " + pick(netGroups) + " interface");
                default -> o.add("nat (dmz,outside) source static " + pick(netObjects) + " interface service "
                        + pick(svcObjects) + " " + pick(svcObjects));
            }
        }
        o.add("nat (inside,outside) after-auto source dynamic any interface");
    }

    // ---- values ------------------------------------------------------------------------------------

    private static final String[] WORDS = {"lync", "exchange", "sharepoint", "sql", "web", "app", "dns", "ntp", "mail", "proxy",
            "backup", "monitor", "crm", "erp", "voice", "media", "print", "file", "dc", "adfs", "jump", "build", "wiki", "hr",
            "finance", "partner", "vpn", "edge", "sip", "citrix"};

    private String word() {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private String pick(List<String> l) {
        return l.get(r.nextInt(l.size()));
    }

    private String host() {
        return switch (r.nextInt(4)) {
            case 0 -> "172.25." + (32 + r.nextInt(4)) + "." + (1 + r.nextInt(254));
            case 1 -> "198.51.100." + (2 + r.nextInt(250));
            default -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        };
    }

    private String net(int len) {
        long a = (10L << 24) | r.nextInt(1 << 24);
        a &= (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }

    private static String mask(int len) {
        long m = (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        return (m >>> 24) + "." + ((m >>> 16) & 255) + "." + ((m >>> 8) & 255) + "." + (m & 255);
    }

    private String portName(boolean udp) {
        return udp ? UDP_NAMES[r.nextInt(UDP_NAMES.length)] : PORT_NAMES[r.nextInt(PORT_NAMES.length)];
    }

    /** A port operator with its operands: eq NAME|N, range A B, gt N, lt N, neq N. */
    private String op(boolean udp) {
        String op = OPS[r.nextInt(OPS.length)];
        return switch (op) {
            case "eq" -> "eq " + (r.nextInt(3) == 0 ? portName(udp) : Integer.toString(1 + r.nextInt(65000)));
            case "range" -> {
                int a = 1024 + r.nextInt(60000);
                yield "range " + a + " " + (a + r.nextInt(1000));
            }
            case "gt" -> "gt " + (1023 + r.nextInt(40000));
            case "lt" -> "lt " + (1 + r.nextInt(1024));
            default -> "neq " + (r.nextBoolean() ? portName(udp) : Integer.toString(1 + r.nextInt(65000)));
        };
    }
}
