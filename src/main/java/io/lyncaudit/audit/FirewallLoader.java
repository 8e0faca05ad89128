package io.lyncaudit.audit;

import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;

/** Turns a firewall of the deployment into its neutral policy (the importer registry, or a test double). */
@FunctionalInterface
public interface FirewallLoader {
    ImportResult load(FirewallSpec firewall) throws BadInputException;

    /** The importer registry, told what the deployment says about each export (its Windows profile, its sheets' row action, its encoding, its FortiGate VDOM). */
    FirewallLoader IMPORTERS = fw -> Importers.load(fw.config(), fw.configDisplay(), fw.format(), options(fw));

    /** The importer registry (as {@link #IMPORTERS}). */
    static FirewallLoader registry() {
        return IMPORTERS;
    }

    /** What the deployment says about a firewall's export. */
    static ImportOptions options(FirewallSpec fw) {
        return ImportOptions.of(fw.profile(), fw.rowAction(), true).withEncoding(fw.encoding()).withVdom(fw.vdom());
    }
}
