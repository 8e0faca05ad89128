package io.lyncaudit.policy;

/** How the rules of a policy combine. */
public enum PolicyKind {
    /** Ordered rules; the first rule that matches a packet decides (ASA, IOS, iptables, spreadsheets). */
    FIRST_MATCH("first-match"),
    /** Unordered rules; any matching block rule wins over any matching allow rule (Windows Firewall). */
    BLOCK_WINS("block-wins");

    private final String json;

    PolicyKind(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static PolicyKind fromJson(String s) {
        for (PolicyKind k : values()) {
            if (k.json.equalsIgnoreCase(s)) return k;
        }
        throw new IllegalArgumentException("unknown policy kind '" + s + "' (first-match or block-wins)");
    }
}
