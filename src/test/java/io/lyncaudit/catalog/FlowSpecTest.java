package io.lyncaudit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Protocols;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The @flow syntax: source ports after a colon, and the outer names that may hold roles in parentheses. */
class FlowSpecTest {

    @Test
    void aSourceMayNameItsSourcePorts() {
        FlowSpec f = FlowSpec.parse("TCP 443 avEdge:${edgeMedia} -> internet");
        assertEquals(Protocols.TCP, f.protocol());
        assertEquals("443", f.ports());
        assertEquals("${edgeMedia}", f.sourcePorts());
        assertEquals(List.of("avEdge"), f.from().required());
        assertEquals("avEdge", f.from().text());
        assertEquals("TCP 443 avEdge:${edgeMedia} -> internet", f.text());
    }

    @Test
    void withoutAColonEverySourcePortIsMeant() {
        assertNull(FlowSpec.parse("UDP 3478 internal -> edgeInternal").sourcePorts());
    }

    @Test
    void anEmptySourcePortListIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FlowSpec.parse("UDP 3478 avEdge: -> internet"));
    }

    @Test
    void anEdgePoolMayHoldItsVipWhichAloneIsRequired() {
        EndpointSpec e = EndpointSpec.parse("edgeInternalPool(edgeInternalVip)");
        assertEquals(List.of("edgeInternalVip"), e.required());
        assertEquals(List.of("edgeInternalPool"), e.justified());
        EndpointSpec a = EndpointSpec.parse("accessEdgePool(accessEdgeVip)");
        assertEquals(List.of("accessEdgeVip"), a.required());
    }

    @Test
    void outerNamesAreJustifiedOnlyAndMustBeKnown() {
        EndpointSpec e = EndpointSpec.parse("internal+edgeInternal(frontEndServers)");
        assertEquals(List.of("frontEndServers"), e.required());
        assertEquals(List.of("internal", "edgeInternal"), e.justified());
        EndpointSpec s = EndpointSpec.parse("frontEndServers(frontEndServersNoVip)");
        assertEquals(List.of("frontEndServersNoVip"), s.required());
        assertEquals(List.of("frontEndServers"), s.justified());
        assertTrue(EndpointSpec.parse("frontEndServers|clients").justified().isEmpty());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> EndpointSpec.parse("nowhere(avEdgeVip)"));
        assertTrue(ex.getMessage().contains("unknown endpoint 'nowhere'"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EndpointSpec.parse("internal(nowhere)"));
        // the old names that mixed servers and VIPs are gone
        assertThrows(IllegalArgumentException.class, () -> EndpointSpec.parse("frontEnd"));
        assertThrows(IllegalArgumentException.class, () -> EndpointSpec.parse("director"));
    }

    @Test
    void everyNameHasAKindAndAMeaning() {
        for (EndpointSpec.Name n : EndpointSpec.VOCABULARY.values()) {
            assertTrue(n.meaning().length() > 10, n.name());
            assertEquals(n.kind(), EndpointSpec.kind(n.name()));
        }
    }
}
