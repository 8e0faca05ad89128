package io.lyncaudit.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Called from the consequence of the test user rule (src/test/resources/cli/rules-ok), to show it fired. */
public final class UserRuleProbe {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private UserRuleProbe() {}

    public static void saw(String firewall) {
        SEEN.add(firewall);
    }
}
