package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.IntervalSet;

/**
 * One protocol/port combination read from a service cell, before the protocol column is applied.
 *
 * @param protocols the protocols the token names itself (explicit), its default (named), the bound of
 *                  what it may mean (unknown), or null (bare port, any, an unknown name: the column's)
 * @param ports     destination ports; the full range for "any", a protocol alone or an unknown item
 * @param kind      how the protocol column combines with it
 * @param token     the token as written, for messages
 * @param why       for an unknown item, why it cannot be read; null otherwise
 */
record ServiceItem(IntervalSet protocols, IntervalSet ports, Kind kind, String token, String why) {

    ServiceItem(IntervalSet protocols, IntervalSet ports, Kind kind, String token) {
        this(protocols, ports, kind, token, null);
    }

    /** Where the item's protocol comes from. */
    enum Kind {
        /** The token names its protocol ("tcp/443", "UDP:3478", "443/tcp", "TCP 5061"): the protocol column may only narrow it. */
        EXPLICIT,
        /** A service name ("https"): the protocol column, when given, replaces the name's default transport. */
        NAMED,
        /** A bare port or range: the protocol column, or TCP and UDP when there is none. */
        BARE,
        /** "any": every protocol of the protocol column (or all), every port. */
        ANY,
        /**
         * A well-formed item that names something the sheet does not define (a service object, an ICMP
         * type): the row may match any port of {@link #protocols()} (or of the column, or all).
         */
        UNKNOWN
    }
}
