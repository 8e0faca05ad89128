import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a FortiGate `show` (FortiOS 7.2, one VDOM) with POLICIES firewall policies, deterministic
 * (seed 42): interfaces and zones, 2,000 addresses (subnets, ranges, a few FQDNs), 300 address
 * groups nested up to four deep, 400 custom services (some with source ports), 100 service
 * groups, 60 VIPs (half port forwards) and 5 VIP groups, then the policies: zones, interfaces and
 * `any`, one to three addresses and services each (predefined, custom, groups), a VIP in one
 * policy of 40, ids in an order unlike the list, one in 25 disabled, one in 30 without action,
 * negations, NAT, logging and security profiles.
 *
 * Usage: java bench/GenerateFortiGate.java OUT [POLICIES]   (default 20000)
 */
public class GenerateFortiGate {
    static final String[] PREDEFINED = {"HTTPS", "HTTP", "DNS", "SSH", "RDP", "SMTP", "NTP", "SNMP", "LDAP", "KERBEROS", "SIP", "ALL_TCP",
        "ALL_UDP", "PING", "SAMBA", "SMB", "MS-SQL", "MYSQL", "IMAPS", "POP3S"};
    static final String[] INTERFACES = {"port1", "port2", "port3", "port4", "port5", "port6", "port7", "port8"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int policies = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        Random rnd = new Random(42);
        long lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder b = new StringBuilder();
            b.append("#config-version=FG1K1F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin\n#conf_file_ver=9912832\n#buildno=1639\n#global_vdom=1\n");
            b.append("config system global\n    set hostname \"bench-fgt\"\n    set timezone 04\nend\n");
            b.append("config system interface\n");
            for (int i = 0; i < INTERFACES.length; i++) {
                b.append("    edit \"").append(INTERFACES[i]).append("\"\n        set vdom \"root\"\n        set ip 10.").append(100 + i)
                        .append(".0.1 255.255.0.0\n        set allowaccess ping\n        set type physical\n    next\n");
            }
            b.append("end\nconfig system zone\n    edit \"dmz\"\n        set interface \"port3\" \"port4\"\n    next\n")
                    .append("    edit \"inside\"\n        set interface \"port5\" \"port6\"\n    next\nend\n");
            b.append("config firewall address\n    edit \"all\"\n    next\n");
            for (int i = 0; i < 2000; i++) {
                b.append("    edit \"addr-").append(i).append("\"\n        set uuid ").append(uuid(rnd)).append('\n');
                int kind = rnd.nextInt(20);
                if (kind == 0) {
                    b.append("        set type fqdn\n        set fqdn \"host").append(i).append(".example.com\"\n");
                } else if (kind < 5) {
                    int a = rnd.nextInt(250), x = rnd.nextInt(256), y = rnd.nextInt(256);
                    b.append("        set type iprange\n        set start-ip 10.").append(x).append('.').append(y).append('.').append(a)
                            .append("\n        set end-ip 10.").append(x).append('.').append(y).append('.').append(a + rnd.nextInt(256 - a)).append('\n');
                } else {
                    int len = 16 + rnd.nextInt(17);
                    b.append("        set subnet 10.").append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256)).append(".0/").append(Math.max(len, 24))
                            .append('\n');
                }
                if (rnd.nextInt(4) == 0) b.append("        set comment \"owner team-").append(rnd.nextInt(40)).append("\"\n");
                b.append("    next\n");
            }
            b.append("end\nconfig firewall addrgrp\n");
            for (int i = 0; i < 300; i++) {
                b.append("    edit \"grp-").append(i).append("\"\n        set member");
                int n = 2 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) b.append(" \"addr-").append(rnd.nextInt(2000)).append('"');
                if (i >= 4 && rnd.nextInt(3) == 0) b.append(" \"grp-").append(i - 1 - rnd.nextInt(3)).append('"');
                b.append("\n    next\n");
            }
            b.append("end\nconfig firewall service custom\n");
            for (int i = 0; i < 400; i++) {
                b.append("    edit \"svc-").append(i).append("\"\n");
                int p = 1024 + rnd.nextInt(60000);
                String range = rnd.nextInt(4) == 0 ? p + "-" + (p + rnd.nextInt(100)) : String.valueOf(p);
                if (rnd.nextInt(10) == 0) range += ":1024-65535";
                int proto = rnd.nextInt(3);
                if (proto != 1) b.append("        set tcp-portrange ").append(range).append('\n');
                if (proto != 0) b.append("        set udp-portrange ").append(range).append('\n');
                b.append("    next\n");
            }
            b.append("end\nconfig firewall service group\n");
            for (int i = 0; i < 100; i++) {
                b.append("    edit \"svcgrp-").append(i).append("\"\n        set member");
                int n = 2 + rnd.nextInt(5);
                for (int k = 0; k < n; k++) {
                    b.append(' ').append('"').append(rnd.nextBoolean() ? PREDEFINED[rnd.nextInt(PREDEFINED.length)] : "svc-" + rnd.nextInt(400)).append('"');
                }
                b.append("\n    next\n");
            }
            b.append("end\nconfig firewall vip\n");
            for (int i = 0; i < 60; i++) {
                b.append("    edit \"vip-").append(i).append("\"\n        set extip 131.107.").append(150 + i / 200).append('.').append(i % 200)
                        .append("\n        set mappedip \"172.25.").append(33 + i / 200).append('.').append(i % 200).append("\"\n        set extintf \"port1\"\n");
                if (i % 2 == 0) {
                    int p = new int[] {443, 5061, 3478, 8443}[rnd.nextInt(4)];
                    b.append("        set portforward enable\n");
                    if (p == 3478) b.append("        set protocol udp\n");
                    b.append("        set extport ").append(p).append("\n        set mappedport ").append(p == 8443 ? 443 : p).append('\n');
                }
                b.append("    next\n");
            }
            b.append("end\nconfig firewall vipgrp\n");
            for (int i = 0; i < 5; i++) {
                b.append("    edit \"vipgrp-").append(i).append("\"\n        set interface \"port1\"\n        set member \"vip-").append(i * 2)
                        .append("\" \"vip-").append(i * 2 + 1).append("\"\n    next\n");
            }
            b.append("end\n");
            w.write(b.toString());
            lines += b.chars().filter(c -> c == '\n').count();
            b.setLength(0);
            w.write("config firewall policy\n");
            lines++;
            String[] ifs = {"\"any\"", "\"port1\"", "\"port2\"", "\"dmz\"", "\"inside\"", "\"port7\"", "\"port8\""};
            for (int i = 0; i < policies; i++) {
                int id = (int) ((i * 7919L) % (policies * 2L)) + 1;
                b.append("    edit ").append(id).append("\n        set name \"rule-").append(i).append("\"\n        set uuid ").append(uuid(rnd))
                        .append("\n        set srcintf ").append(ifs[rnd.nextInt(ifs.length)]).append("\n        set dstintf ")
                        .append(ifs[rnd.nextInt(ifs.length)]).append('\n');
                b.append("        set srcaddr").append(addresses(rnd)).append('\n');
                if (rnd.nextInt(40) == 0) b.append("        set dstaddr \"").append(rnd.nextBoolean() ? "vip-" + rnd.nextInt(60) : "vipgrp-" + rnd.nextInt(5)).append("\"\n");
                else b.append("        set dstaddr").append(addresses(rnd)).append('\n');
                int a = rnd.nextInt(30);
                if (a > 0) b.append("        set action ").append(a < 20 ? "accept" : "deny").append('\n');
                if (rnd.nextInt(25) == 0) b.append("        set status disable\n");
                b.append("        set schedule \"always\"\n        set service");
                int ns = 1 + rnd.nextInt(3);
                for (int k = 0; k < ns; k++) {
                    int s = rnd.nextInt(10);
                    b.append(" \"").append(s < 4 ? PREDEFINED[rnd.nextInt(PREDEFINED.length)] : s < 8 ? "svc-" + rnd.nextInt(400) : "svcgrp-" + rnd.nextInt(100)).append('"');
                }
                b.append('\n');
                if (rnd.nextInt(60) == 0) b.append("        set srcaddr-negate enable\n");
                if (rnd.nextInt(80) == 0) b.append("        set service-negate enable\n");
                if (rnd.nextInt(3) == 0) b.append("        set logtraffic all\n");
                if (rnd.nextInt(5) == 0) b.append("        set nat enable\n");
                if (rnd.nextInt(6) == 0) b.append("        set utm-status enable\n        set ssl-ssh-profile \"certificate-inspection\"\n        set av-profile \"default\"\n");
                if (rnd.nextInt(10) == 0) b.append("        set comments \"change CHG-").append(rnd.nextInt(9000)).append("\"\n");
                b.append("    next\n");
                if (b.length() > 1 << 16) {
                    w.write(b.toString());
                    lines += b.chars().filter(c -> c == '\n').count();
                    b.setLength(0);
                }
            }
            b.append("end\n");
            w.write(b.toString());
            lines += b.chars().filter(c -> c == '\n').count();
        }
        System.out.println(out + ": " + policies + " policies, " + lines + " lines");
    }

    static String addresses(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            int s = rnd.nextInt(10);
            b.append(" \"").append(s == 0 ? "all" : s < 7 ? "addr-" + rnd.nextInt(2000) : "grp-" + rnd.nextInt(300)).append('"');
        }
        return b.toString();
    }

    static String uuid(Random rnd) {
        return String.format("%08x-%04x-51ee-%04x-%012x", rnd.nextInt(), rnd.nextInt(0x10000), rnd.nextInt(0x10000), rnd.nextLong() & 0xFFFFFFFFFFFFL);
    }
}
