package io.lyncaudit.policy;

/** What a rule or a default does with the packets it decides. */
public enum Action {
    PERMIT, DENY;

    public String json() {
        return this == PERMIT ? "permit" : "deny";
    }
}
