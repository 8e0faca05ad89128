package io.lyncaudit.audit;

import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.importer.Importers;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;

/** Turns a firewall of the deployment into its neutral policy (the importer registry, or a test double). */
@FunctionalInterface
public interface FirewallLoader {
    ImportResult load(FirewallSpec firewall) throws BadInputException;

    /** The importer registry: the firewall's export in its format, profile and encoding (each detected or defaulted when not given). */
    static FirewallLoader registry() {
        return fw -> Importers.load(fw.config(), fw.configDisplay(), fw.format(), fw.profile(), fw.encoding());
    }
}
