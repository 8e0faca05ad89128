package io.lyncaudit.deployment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Server roles a pool can have in the deployment file. */
public enum Role {
    FRONT_END("front-end"), DIRECTOR("director"), MEDIATION("mediation"), PERSISTENT_CHAT("persistent-chat"),
    OFFICE_WEB_APPS("office-web-apps"), REVERSE_PROXY("reverse-proxy"), EXCHANGE_UM("exchange-um"),
    PSTN_GATEWAY("pstn-gateway"), SBA("sba"), SQL("sql");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Role fromId(String id) {
        for (Role r : values()) {
            if (r.id.equals(id)) return r;
        }
        return null;
    }

    public static String ids() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }
}
