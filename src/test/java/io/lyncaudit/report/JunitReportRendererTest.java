package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingWaiver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** JUnit XML against its golden file and the JUnit XSD the CI plugins use. */
class JunitReportRendererTest extends RendererContractTest {

    @Override
    protected ReportRenderer renderer() {
        return new JunitReportRenderer();
    }

    @Override
    protected ReportFormat format() {
        return ReportFormat.JUNIT;
    }

    @Override
    protected void assertMatchesExpected(byte[] rendered) throws IOException {
        Golden.assertText("junit.xml", new String(rendered, StandardCharsets.UTF_8));
    }

    private static Schema schema() throws SAXException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        URL xsd = JunitReportRendererTest.class.getResource("/schemas/junit-10.xsd");
        return f.newSchema(xsd);
    }

    static Document validated(Report r) throws Exception {
        byte[] xml = render(new JunitReportRenderer(), r);
        Validator v = schema().newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void theSampleAndAnEmptyReportAreValid() throws Exception {
        validated(ReportFixtures.sample());
        validated(ReportFixtures.empty());
    }

    @Test
    void oneSuitePerFirewallOneCasePerRequiredFlowPlusExtras() throws Exception {
        Document d = validated(ReportFixtures.sample());
        NodeList suites = d.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element ext = (Element) suites.item(0);
        assertEquals("edge-external", ext.getAttribute("name"));
        // 5 requirement rows on edge-external + 1 IPSEC_EXTRA finding
        assertEquals("6", ext.getAttribute("tests"));
        NodeList cases = ext.getElementsByTagName("testcase");
        Element satisfied = (Element) cases.item(0);
        assertTrue(satisfied.getAttribute("name").startsWith("L13-EDGE-EXT-001 "), satisfied.getAttribute("name"));
        assertEquals(0, satisfied.getElementsByTagName("*").getLength(), "a satisfied requirement has no failure");
        Element missing = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertTrue(missing.getAttribute("message").startsWith("No rule permits SIP/TLS 443"), missing.getAttribute("message"));
        // the second requirement of the shared MISSING finding fails with that finding
        Element shared = (Element) cases.item(2);
        assertTrue(shared.getAttribute("name").startsWith("L13-EDGE-EXT-006 "), shared.getAttribute("name"));
        Element sharedFailure = (Element) shared.getElementsByTagName("failure").item(0);
        assertEquals(missing.getAttribute("message"), sharedFailure.getAttribute("message"));
        assertTrue(sharedFailure.getTextContent().contains("requirements: L13-EDGE-EXT-003, L13-EDGE-EXT-006"), sharedFailure.getTextContent());
        // MISDIRECTED is waived in the fixture: skipped
        assertEquals(1, ((Element) cases.item(4)).getElementsByTagName("skipped").getLength());
        Element internal = (Element) suites.item(1);
        assertEquals("2", internal.getAttribute("tests")); // SHADOWED row + EXTRA finding
    }

    @Test
    void waivedShowsTheWaiverAndControlCharactersAreNeutralised() throws Exception {
        Report s = ReportFixtures.sample();
        List<Finding> findings = new ArrayList<>(s.findings());
        findings.set(1, findings.get(1).waivedBy(new FindingWaiver("No <SIP> & \"quotes\"", "uc@contoso.com", "2027-01-01", null)));
        Document d = validated(ReportFixtures.with(s, findings, s.diagnostics()));
        Element skipped = (Element) d.getElementsByTagName("skipped").item(0);
        assertTrue(skipped.getAttribute("message").contains("No <SIP> & \"quotes\""), skipped.getAttribute("message"));
        // an EXTRA finding whose evidence carries ESC: XML 1.0 cannot hold it at all
        Finding extra = s.findings().get(2);
        Finding esc = new Finding(extra.id(), extra.type(), extra.severity(), null, extra.firewall(), extra.flow(), null,
                "RDP " + ReportFixtures.ESCAPE_TEXT, List.of(new io.lyncaudit.finding.Evidence("a.asa", 3, ReportFixtures.ESCAPE_TEXT,
                "permits", null)), extra.witness(), false, false);
        Report withEsc = ReportFixtures.with(s, List.of(esc), List.of());
        validated(withEsc);
        String xml = new String(render(new JunitReportRenderer(), withEsc), StandardCharsets.UTF_8);
        assertTrue(!xml.contains("\u001b") && xml.contains("\\u001B[31m"), "ESC must not reach the XML");
        assertEquals("a\\u001Bb\ud83d\ude00", JunitReportRenderer.clean("a\u001bb\ud83d\ude00"));
    }

    @Test
    void theSchemaRejectsWhatItShould() {
        String bad = "<testsuites><testsuite name=\"x\"><testcase/></testsuite></testsuites>";
        assertThrows(SAXException.class, () -> schema().newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)))));
    }
}
