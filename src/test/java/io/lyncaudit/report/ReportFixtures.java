package io.lyncaudit.report;

import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.SourceRow;
import io.lyncaudit.finding.Witness;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-made reports every renderer test uses: one finding of each type (the MISSING one shared by two
 * requirements), diagnostics and a requirement matrix.
 */
public final class ReportFixtures {
    /** A config line that a spreadsheet would run as a formula if it were written carelessly. */
    public static final String FORMULA_TEXT = "=HYPERLINK(\"x\")";
    /** An evidence line with an ANSI escape, which a terminal must not interpret. */
    public static final String ESCAPE_TEXT = "banner motd \u001b[31mHACKED\u001b[0m";

    static final String ASA = "samples/contoso/edge-external.asa";
    static final String SHEET = "samples/contoso/edge-internal.xlsx";
    static final String DOC = "lync-server-2013-port-summary-single-consolidated-edge-with-private-ip-addresses-using-nat.md";
    static final String IPSEC_DOC = "lync-server-2013-ipsec-exceptions.md";
    static final String PIM_DOC = "lync-server-2013-port-summary-public-instant-messaging-connectivity.md";

    private ReportFixtures() {}

    public static Report sample() {
        RequirementRef avTcp = req("L13-EDGE-EXT-009", "A/V Edge: RTP/TCP 50000-59999 outbound to any", row(DOC, 1, 9));
        RequirementRef sipTls = req("L13-EDGE-EXT-003", "Access Edge: SIP/TLS 443 inbound from any", row(DOC, 1, 3));
        RequirementRef stun = req("L13-EDGE-EXT-011", "A/V Edge: STUN/UDP 3478 inbound from any", row(DOC, 1, 11));
        RequirementRef webConf = req("L13-EDGE-INT-002", "Front End to Web Conferencing Edge: PSOM/TLS 8057", row(DOC, 2, 2));
        RequirementRef ipsecMedia = new RequirementRef("L13-IPSEC-001", "No IPsec on A/V Edge media ports",
                List.of(row(IPSEC_DOC, 1, 1), row(IPSEC_DOC, 1, 2)),
                "The docs list the A/V Edge external exception twice with different ranges; the catalog takes the union.");
        RequirementRef ipsecSip = req("L13-IPSEC-002", "No IPsec on Access Edge SIP", row(IPSEC_DOC, 1, 3));
        RequirementRef fed = req("L13-EDGE-EXT-001", "Access Edge: SIP/MTLS 5061 federation", row(DOC, 1, 1));
        // a second requirement naming the same opening as sipTls: the two share one finding
        RequirementRef sipTlsPim = new RequirementRef("L13-EDGE-EXT-006", "Access Edge: SIP/TLS 443 inbound for public IM",
                List.of(row(PIM_DOC, 1, 1), row(DOC, 4, 1)), null);

        Flow avTcpFlow = new Flow("TCP", "50000-59999", "172.25.33.12", "any");
        Flow sipTlsFlow = new Flow("TCP", "443", "any", "131.107.155.10");
        Flow stunFlow = new Flow("UDP", "3478", "any", "131.107.155.30");
        Flow webConfFlow = new Flow("TCP", "8057", "10.0.1.0/24", "172.25.33.11");

        List<Finding> findings = List.of(
                new Finding("f-4be1c07a", FindingType.PARTIAL, Severity.HIGH, avTcp, "edge-external", avTcpFlow,
                        new Flow("TCP", "55000-59999", "172.25.33.12", "any"),
                        "Only TCP 50000-54999 is permitted from the A/V Edge to the internet; 55000-59999 is denied.",
                        List.of(ev(ASA, 87, "access-list dmz_in extended permit tcp host 172.25.33.12 any range 50000 54999", "permits"),
                                ev(ASA, 93, "access-list dmz_in extended deny ip any any log", "denies")),
                        new Witness("TCP", "172.25.33.12", 50123, "198.51.100.7", 55000), false, false),
                new Finding("f-19c0aa01", FindingType.MISSING, Severity.CRITICAL, sipTls, "edge-external", sipTlsFlow, null,
                        "No rule permits SIP/TLS 443 from the internet to the Access Edge; the interface default denies it."
                                + " Opening it also meets L13-EDGE-EXT-006.",
                        List.of(ev(ASA, 0, "implicit deny on access-group outside_in", "default")),
                        new Witness("TCP", "198.51.100.7", 50000, "131.107.155.10", 443), false, false, null, null,
                        List.of(new CitedRequirement(sipTls, Severity.CRITICAL, FindingType.MISSING, sipTlsFlow),
                                new CitedRequirement(sipTlsPim, Severity.HIGH, FindingType.MISSING, sipTlsFlow))),
                new Finding("f-7e3d2b90", FindingType.EXTRA, Severity.HIGH, null, "edge-internal",
                        new Flow("TCP", "3389", "any", "172.25.33.12"),
                        null, "RDP from any address to the A/V Edge is permitted, and no requirement justifies it.",
                        List.of(new Evidence(SHEET, 7, FORMULA_TEXT, "permits", "Rules!A7")),
                        new Witness("TCP", "10.0.1.20", 50000, "172.25.33.12", 3389), false, false),
                new Finding("f-0d5ef311", FindingType.MISDIRECTED, Severity.MEDIUM, stun, "edge-external", stunFlow, null,
                        "UDP 3478 is opened to the Access Edge (131.107.155.10) instead of the A/V Edge (131.107.155.30).",
                        List.of(ev(ASA, 88, "access-list outside_in extended permit udp any host 131.107.155.10 eq 3478", "permits")),
                        new Witness("UDP", "198.51.100.7", 50000, "131.107.155.30", 3478), true, false),
                new Finding("f-a1b2c3d4", FindingType.SHADOWED, Severity.LOW, webConf, "edge-internal", webConfFlow, null,
                        "Row 12 would permit PSOM to the Web Conferencing Edge, but row 4 denies all of its traffic first.",
                        List.of(new Evidence(SHEET, 4, "deny any 172.25.33.0/24 any", "shadows", "Rules!A4"),
                                new Evidence(SHEET, 12, "permit tcp 10.0.1.0/24 172.25.33.11 8057", "permits", "Rules!A12")),
                        new Witness("TCP", "10.0.1.20", 50000, "172.25.33.11", 8057), false, false),
                new Finding("f-5c6d7e8f", FindingType.IPSEC_MISSING, Severity.MEDIUM, ipsecMedia, "edge-external",
                        new Flow("UDP", "50000-59999", "172.25.33.12", "any"), null,
                        "IPsec is not exempted for the A/V Edge media ports.",
                        List.of(ev("samples/contoso/ipsec.txt", 14, ESCAPE_TEXT, "default")),
                        new Witness("UDP", "172.25.33.12", 50000, "198.51.100.7", 50000), false, false),
                new Finding("f-9a8b7c6d", FindingType.IPSEC_EXTRA, Severity.INFO, ipsecSip, "edge-external",
                        new Flow("TCP", "5061", "any", "2001:db8::10"), null,
                        "The IPsec exemption for SIP also covers TCP 5060.",
                        List.of(ev("samples/contoso/ipsec.txt", 21, "netsh ipsec static add filter srcaddr=any dstaddr=2001:db8::10 protocol=tcp dstport=5060-5061", "permits")),
                        new Witness("TCP", "2001:db8::7", 50000, "2001:db8::10", 5060), false, true));

        Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
        for (FindingType t : FindingType.values()) counts.put(t, 1);

        List<Report.RequirementStatus> matrix = List.of(
                new Report.RequirementStatus(fed, "edge-external", new Flow("TCP", "5061", "any", "131.107.155.10"), "SATISFIED",
                        List.of(ev(ASA, 85, "access-list outside_in extended permit tcp any host 131.107.155.10 eq 5061", "permits")), null),
                new Report.RequirementStatus(sipTls, "edge-external", sipTlsFlow, "MISSING",
                        List.of(ev(ASA, 0, "implicit deny on access-group outside_in", "default")), "critical", "f-19c0aa01"),
                new Report.RequirementStatus(sipTlsPim, "edge-external", sipTlsFlow, "MISSING",
                        List.of(ev(ASA, 0, "implicit deny on access-group outside_in", "default")), "high", "f-19c0aa01"),
                new Report.RequirementStatus(avTcp, "edge-external", avTcpFlow, "PARTIAL",
                        List.of(ev(ASA, 87, "access-list dmz_in extended permit tcp host 172.25.33.12 any range 50000 54999", "permits"),
                                ev(ASA, 93, "access-list dmz_in extended deny ip any any log", "denies")), "high", "f-4be1c07a"),
                new Report.RequirementStatus(stun, "edge-external", stunFlow, "MISDIRECTED",
                        List.of(ev(ASA, 88, "access-list outside_in extended permit udp any host 131.107.155.10 eq 3478", "permits")), "medium",
                        "f-0d5ef311"),
                new Report.RequirementStatus(webConf, "edge-internal", webConfFlow, "SHADOWED",
                        List.of(new Evidence(SHEET, 4, "deny any 172.25.33.0/24 any", "shadows", "Rules!A4")), "low", "f-a1b2c3d4"));

        List<Report.ReportDiagnostic> diagnostics = List.of(
                new Report.ReportDiagnostic(ASA, 12, "warning", "ignored", "threat-detection statistics", "not a filtering statement; ignored"),
                new Report.ReportDiagnostic(ASA, 140, "warning", "unsupported",
                        "access-list outside_in extended permit tcp any any eq www time-range WORKDAYS",
                        "time-range is not modelled; the rule is treated as always active"),
                new Report.ReportDiagnostic(ASA, 201, "error", "unrecognized", "frobnicate 7", "unknown statement"),
                new Report.ReportDiagnostic(SHEET, 9, "warning", "unrecognized", FORMULA_TEXT, "no protocol or port in the Service cell"),
                new Report.ReportDiagnostic(SHEET, 10, "warning", "unrecognized", "-1", "not a port"));

        return new Report(1, new Report.Tool("lyncaudit", "0.1.0"), "2026-11-24T10:15:00Z",
                new Report.DeploymentInfo("Contoso HQ", "samples/contoso/deployment.yaml", "lync-server-2013", "single-consolidated-nat"),
                List.of(new Report.Input("edge-external", ASA, "cisco-asa",
                                "9f2c8e1a0b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e", 42, 311, 3),
                        new Report.Input("edge-internal", SHEET, "spreadsheet",
                                "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", 18, 19, 2)),
                new Report.Summary(61, 55, counts, 1, "high", "FAIL"),
                findings, matrix, diagnostics);
    }

    /** A report with nothing in it: no inputs, findings, requirements or diagnostics. */
    public static Report empty() {
        Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
        for (FindingType t : FindingType.values()) counts.put(t, 0);
        return new Report(1, new Report.Tool("lyncaudit", "0.1.0"), "2026-11-24T10:15:00Z",
                new Report.DeploymentInfo("Empty", "empty.yaml", "lync-server-2013", "single-consolidated"),
                List.of(), new Report.Summary(0, 0, counts, 0, "high", "PASS"), List.of(), List.of(), List.of());
    }

    /** The sample with its findings and diagnostics replaced. */
    public static Report with(Report r, List<Finding> findings, List<Report.ReportDiagnostic> diagnostics) {
        return new Report(r.schemaVersion(), r.tool(), r.generatedAt(), r.deployment(), r.inputs(), r.summary(), findings,
                r.requirements(), diagnostics);
    }

    private static RequirementRef req(String id, String title, SourceRow source) {
        return new RequirementRef(id, title, List.of(source), null);
    }

    private static SourceRow row(String file, int table, int row) {
        return new SourceRow(file, table, row);
    }

    private static Evidence ev(String file, int line, String text, String role) {
        return new Evidence(file, line, text, role, null);
    }
}
