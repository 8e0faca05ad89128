package io.lyncaudit.deployment;

import io.lyncaudit.model.IntervalSet;

/** An address set written in the deployment file, with the text and line it came from. */
public record Address(IntervalSet set, String text, int line) {
}
