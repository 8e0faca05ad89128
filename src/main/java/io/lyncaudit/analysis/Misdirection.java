package io.lyncaudit.analysis;

import io.lyncaudit.model.PacketSet;

/** Derived fact: an exposure that carries a missing requirement's service the wrong way. */
public record Misdirection(Coverage coverage, Exposure exposure, Exposure.Kind kind, PacketSet part) {
}
