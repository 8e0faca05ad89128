package io.lyncaudit.report;

import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders compliance as JUnit XML so CI dashboards show it as test results: one test suite per
 * firewall, one test case per required flow on it (SATISFIED passes, a finding fails with its
 * message, a waived finding is skipped) and one per EXTRA or IPSEC_EXTRA finding. Requirements that
 * share one finding (one opening) each keep their test case, failed (or skipped) by that finding.
 *
 * <p>Written with {@link XMLStreamWriter}, which escapes text and attributes; characters XML 1.0
 * cannot carry at all (control characters such as ESC) are written as {@code \\uXXXX}.
 */
public final class JunitReportRenderer implements ReportRenderer {

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public boolean binary() {
        return false;
    }

    /** One test case: name, the finding that fails or skips it (null: passes), and a status when no finding explains it. */
    private record Case(String name, Finding finding, String unexplained) {
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        Map<String, List<Case>> suites = suites(report);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            nl(w, 0);
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "lyncaudit" + (report.deployment() != null && report.deployment().name() != null
                    ? " " + clean(report.deployment().name()) : ""));
            int tests = 0, failures = 0;
            for (List<Case> cases : suites.values()) {
                tests += cases.size();
                failures += (int) cases.stream().filter(JunitReportRenderer::fails).count();
            }
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", "0");
            for (Map.Entry<String, List<Case>> e : suites.entrySet()) writeSuite(w, e.getKey(), e.getValue());
            nl(w, 0);
            w.writeEndElement();
            w.writeEndDocument();
            w.writeCharacters("\n");
            w.flush();
            w.close(); // closes the writer only, never the underlying stream
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static boolean fails(Case c) {
        return c.unexplained() != null || (c.finding() != null && !c.finding().waived());
    }

    private static boolean skipped(Case c) {
        return c.unexplained() == null && c.finding() != null && c.finding().waived();
    }

    /** Test cases grouped by firewall, in the order of the report's inputs, then of appearance. */
    private static Map<String, List<Case>> suites(Report report) {
        Map<String, List<Case>> suites = new LinkedHashMap<>();
        for (Report.Input in : report.inputs()) suites.put(in.firewall(), new ArrayList<>());
        for (Report.RequirementStatus s : report.requirements()) {
            String name = (s.requirement() != null ? s.requirement().id() + " " + s.requirement().title() : "requirement")
                    + (s.flow() != null ? " [" + s.flow() + "]" : "");
            Finding f = "SATISFIED".equals(s.status()) ? null : explaining(report, s);
            String unexplained = !"SATISFIED".equals(s.status()) && f == null ? s.status() : null;
            suites.computeIfAbsent(s.firewall(), k -> new ArrayList<>()).add(new Case(name, f, unexplained));
        }
        for (Finding f : report.findings()) {
            if (f.type() != FindingType.EXTRA && f.type() != FindingType.IPSEC_EXTRA) continue;
            suites.computeIfAbsent(f.firewall(), k -> new ArrayList<>())
                    .add(new Case(f.type().name() + " " + f.flow() + " (" + f.id() + ")", f, null));
        }
        suites.values().removeIf(List::isEmpty);
        return suites;
    }

    /**
     * The finding behind a requirement's status: the one the matrix links (several requirements
     * can share a finding), else, for a report without links, the one with the same requirement,
     * firewall and flow.
     */
    private static Finding explaining(Report report, Report.RequirementStatus s) {
        if (s.finding() != null) {
            for (Finding f : report.findings()) if (s.finding().equals(f.id())) return f;
        }
        for (Finding f : report.findings()) {
            if (f.requirement() != null && s.requirement() != null && f.requirement().id().equals(s.requirement().id())
                    && f.firewall().equals(s.firewall()) && java.util.Objects.equals(f.flow(), s.flow())
                    && f.type() != FindingType.EXTRA && f.type() != FindingType.IPSEC_EXTRA) {
                return f;
            }
        }
        return null;
    }

    private static void writeSuite(XMLStreamWriter w, String firewall, List<Case> cases) throws XMLStreamException {
        nl(w, 1);
        w.writeStartElement("testsuite");
        w.writeAttribute("name", clean(firewall));
        w.writeAttribute("tests", Integer.toString(cases.size()));
        w.writeAttribute("failures", Long.toString(cases.stream().filter(JunitReportRenderer::fails).count()));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", Long.toString(cases.stream().filter(JunitReportRenderer::skipped).count()));
        for (Case c : cases) {
            nl(w, 2);
            w.writeStartElement("testcase");
            w.writeAttribute("name", clean(c.name()));
            w.writeAttribute("classname", clean("lyncaudit." + firewall));
            if (c.unexplained() != null) {
                nl(w, 3);
                w.writeStartElement("failure");
                w.writeAttribute("type", clean(c.unexplained()));
                w.writeAttribute("message", clean("status " + c.unexplained()));
                w.writeEndElement();
                nl(w, 2);
            } else if (c.finding() != null) {
                Finding f = c.finding();
                nl(w, 3);
                if (f.waived()) {
                    w.writeStartElement("skipped");
                    w.writeAttribute("message", clean("waived: " + (f.waiver() != null
                            ? f.waiver().reason() + " (" + f.waiver().owner() + ", expires " + f.waiver().expires() + ")" : f.id())));
                    w.writeEndElement();
                } else {
                    w.writeStartElement("failure");
                    w.writeAttribute("type", f.type().name());
                    w.writeAttribute("message", clean(f.message()));
                    w.writeCharacters(clean(body(f)));
                    w.writeEndElement();
                }
                nl(w, 2);
            }
            w.writeEndElement();
        }
        nl(w, 1);
        w.writeEndElement();
    }

    private static String body(Finding f) {
        StringBuilder s = new StringBuilder();
        s.append(f.id()).append(' ').append(f.type()).append(' ').append(f.severity() == null ? "" : f.severity().json())
                .append(" on ").append(f.firewall()).append(": ").append(f.flow()).append('\n');
        if (f.shared()) s.append("requirements: ").append(String.join(", ", f.requirementIds())).append('\n');
        for (Evidence e : f.evidence()) {
            s.append(e.role()).append(' ').append(e.file()).append(':').append(e.line());
            if (e.cell() != null) s.append(" [").append(e.cell()).append(']');
            s.append(": ").append(e.text()).append('\n');
        }
        if (f.baseline() != null) s.append("baseline: ").append(f.baseline()).append('\n');
        return s.toString();
    }

    private static void nl(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Text XML 1.0 can carry: other control characters and lone surrogates become {@code \\uXXXX}. */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (ok) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString();
    }
}
