package io.lyncaudit.deployment;

import java.nio.file.Path;

/**
 * An IPsec connection-security policy export.
 *
 * @param format   null when the format is to be detected from the content
 * @param encoding the declared encoding of a text export ({@code encoding:}), or null to detect it
 */
public record IpsecSpec(Path config, String configDisplay, String format, int line, String encoding) {

    /** An export whose encoding is detected. */
    public IpsecSpec(Path config, String configDisplay, String format, int line) {
        this(config, configDisplay, format, line, null);
    }
}
