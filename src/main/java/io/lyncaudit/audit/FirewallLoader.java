package io.lyncaudit.audit;

import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.ImportResult;

/** Turns a firewall of the deployment into its neutral policy (the importer registry, or a test double). */
@FunctionalInterface
public interface FirewallLoader {
    ImportResult load(FirewallSpec firewall) throws BadInputException;
}
