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
        assertEquals("edgeInternalPool", e.anySide());
        EndpointSpec a = EndpointSpec.parse("accessEdgePool(accessEdgeVip)");
        assertEquals(List.of("accessEdgeVip"), a.required());
    }

    @Test
    void onlySidesAndEdgePoolsMayHoldOthers() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> EndpointSpec.parse("avEdge(avEdgeVip)"));
        assertTrue(ex.getMessage().contains("must be one of"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EndpointSpec.parse("internal(nowhere)"));
    }
}
