package io.lyncaudit.audit;

import io.lyncaudit.deployment.IpsecSpec;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.model.BadInputException;

/** Reads an IPsec policy input of the deployment (the importer registry, or a test double). */
@FunctionalInterface
public interface IpsecLoader {
    IpsecPolicy load(IpsecSpec input) throws BadInputException;
}
