package io.lyncaudit.analysis;

import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.model.PacketSet;

/**
 * Fact: traffic to or from a Lync address that one exemption rule exempts from IPsec and no IPsec
 * exception of the catalog asks for (IPSEC_EXTRA).
 */
public record IpsecExposure(String input, IpsecRule rule, PacketSet unjustified) {

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
