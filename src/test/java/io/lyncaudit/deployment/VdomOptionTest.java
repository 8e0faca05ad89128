package io.lyncaudit.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.audit.FirewallLoader;
import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A firewall's {@code vdom:} chooses the VDOM of a multi-VDOM FortiGate export, and means nothing for any other format. */
class VdomOptionTest {
    static final Path MULTI = Path.of("src/test/resources/importer/fortigate/multi-vdom.conf");

    private static String deployment(String firewallLines) {
        return """
                schemaVersion: 1
                edge:
                  scenario: single-consolidated-nat
                  servers:
                    - name: edge01
                      internal: 172.25.34.5
                      accessEdge: { address: 172.25.33.10, public: 131.107.155.10 }
                      webConferencingEdge: { address: 172.25.33.20, public: 131.107.155.20 }
                      avEdge: { address: 172.25.33.30, public: 131.107.155.30 }
                networks:
                  internal: [10.0.0.0/8]
                  perimeter: [172.25.32.0/22]
                firewalls:
                  - name: fw
                    config: fw.conf
                """ + firewallLines + """
                    interfaces:
                      port1: [internet]
                      port2: [perimeter]
                """;
    }

    private static Path write(Path dir, String yaml) throws Exception {
        Files.copy(MULTI, dir.resolve("fw.conf"));
        Path p = dir.resolve("deployment.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void theDeploymentsVdomReachesTheImporter(@TempDir Path dir) throws Exception {
        Deployment d = DeploymentLoader.load(write(dir, deployment("    vdom: edge\n")), "deployment.yaml");
        assertEquals("edge", d.firewalls().get(0).vdom());
        ImportResult r = FirewallLoader.registry().load(d.firewalls().get(0));
        assertEquals("fortigate", r.format());
        assertEquals("sip-tls", r.policies().get(0).rules().get(0).name());
    }

    @Test
    void withoutVdomAMultiVdomExportIsRefusedNamingItsVdoms(@TempDir Path dir) throws Exception {
        Deployment d = DeploymentLoader.load(write(dir, deployment("")), "deployment.yaml");
        assertNull(d.firewalls().get(0).vdom());
        BadInputException e = assertThrows(BadInputException.class, () -> FirewallLoader.registry().load(d.firewalls().get(0)));
        assertTrue(e.getMessage().contains("2 VDOMs (root, edge)"), e.getMessage());
    }

    @Test
    void vdomOnAnotherFormatIsAMistake(@TempDir Path dir) throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> DeploymentLoader.load(write(dir, deployment("    format: cisco-asa\n    vdom: edge\n")), "deployment.yaml"));
        assertTrue(e.getMessage().contains("'vdom' chooses the VDOM of a FortiGate export"), e.getMessage());
        Path asa = Path.of("src/test/resources/importer/asa/groups.asa");
        BadInputException load = assertThrows(BadInputException.class,
                () -> Importers.load(asa, "groups.asa", null, ImportOptions.NONE.withVdom("edge")));
        assertTrue(load.getMessage().contains("read as cisco-asa"), load.getMessage());
    }
}
