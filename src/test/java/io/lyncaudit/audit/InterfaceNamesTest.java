package io.lyncaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.DeploymentLoader;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.gate.GatePolicy;
import io.lyncaudit.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment's interface names against the export: an ASA defines its nameifs, so a name the
 * deployment gives that the export does not define is a warning at the firewall's line.
 */
class InterfaceNamesTest {

    @TempDir
    Path dir;

    private Report audit(String from, String to) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("samples/contoso-scaled-dns-nat"))) {
            for (Path p : files.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        Path dep = dir.resolve("deployment.yaml");
        String before = Files.readString(dep), after = before.replace(from, to);
        assertTrue(!after.equals(before) || from.equals(to));
        Files.writeString(dep, after);
        Deployment d = DeploymentLoader.load(dep, "deployment.yaml");
        return new Auditor(RuleEngine.builtIn(), FirewallLoader.IMPORTERS).audit(d, new GatePolicy(Severity.HIGH, false)).report();
    }

    private static List<Report.ReportDiagnostic> undefined(Report r) {
        return r.diagnostics().stream().filter(x -> x.category().equals("unknown-zone") && x.file().equals("deployment.yaml")).toList();
    }

    @Test
    void theSampleNamesOnlyInterfacesItsExportsDefine() throws Exception {
        assertEquals(List.of(), undefined(audit("outside:", "outside:")));
    }

    @Test
    void aMisspelledNameifIsAWarningAtTheFirewallsLine() throws Exception {
        Report r = audit("      outside: [internet]\n      dmz: [perimeter]", "      outsde: [internet]\n      dmz: [perimeter]");
        List<Report.ReportDiagnostic> w = undefined(r);
        assertEquals(1, w.size(), r.diagnostics().toString());
        assertEquals(45, w.get(0).line());
        assertEquals("outsde", w.get(0).text());
        assertTrue(w.get(0).message().startsWith("firewall edge-external: interface or zone 'outsde' is not defined in "), w.get(0).message());
        assertTrue(w.get(0).message().contains("(it defines outside, dmz, management)"), w.get(0).message());
    }
}
