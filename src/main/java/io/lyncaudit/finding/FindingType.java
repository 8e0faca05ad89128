package io.lyncaudit.finding;

/** The kinds of finding, as PRODUCT.md defines them. */
public enum FindingType {
    /** No part of a required flow is permitted. */
    MISSING,
    /** Part of a required flow is permitted; the finding names the part that is not. */
    PARTIAL,
    /** Traffic to or from a Lync address is permitted that no requirement of the deployment justifies. */
    EXTRA,
    /** A required service is opened the wrong way: swapped, other address, wrong transport or interface. */
    MISDIRECTED,
    /** A rule that would satisfy a requirement never matches because earlier rules take its traffic. */
    SHADOWED,
    /** An IPsec exception of the docs is absent or only partly there. */
    IPSEC_MISSING,
    /** An IPsec exception exempts more than the docs ask. */
    IPSEC_EXTRA
}
