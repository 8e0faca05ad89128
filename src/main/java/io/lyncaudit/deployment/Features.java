package io.lyncaudit.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/** The optional features a deployment offers, with the defaults used when the file omits one. */
public final class Features {
    private Features() {}

    /** Every known feature and its default, in the order of the contract example. */
    public static final Map<String, Boolean> DEFAULTS;

    static {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("remoteAccess", true);
        m.put("webConferencing", true);
        m.put("audioVideo", true);
        m.put("federation", false);
        m.put("xmpp", false);
        m.put("publicIm", false);
        m.put("ocs2007Federation", false);
        m.put("multipleEdgePools", false);
        m.put("centralizedLogging", false);
        m.put("remoteCallControl", false);
        m.put("e911", false);
        m.put("mobility", false);
        m.put("dialInConferencing", false);
        m.put("persistentChat", false);
        m.put("officeWebApps", false);
        m.put("exchangeUm", false);
        DEFAULTS = java.util.Collections.unmodifiableMap(m);
    }
}
