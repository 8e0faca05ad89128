package io.lyncaudit.deployment;

import java.nio.file.Path;

/** An IPsec connection-security policy export. */
public record IpsecSpec(Path config, String configDisplay, String format, int line) {
}
