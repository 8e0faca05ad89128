package io.lyncaudit.importer.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "50,000-59,999 | 50000-59999",
        "50000-59,999 | 50000-59999",
        "49,152-57,500 | 49152-57500",
        "1,024-65,535 | 1024-65535",
        "5,061 | 5061",
        "50,000 | 50000",
        "443, 5061 | 443 5061",
        "443,5061 | 443 5061",
        "80,443 | 80 443",
        "135,445 | 135 445",
        "443;5061 | 443 5061",
        "TCP_50000-59999 | TCP_50000-59999",
        "tcp / 443 | tcp/443",
        "UDP : 3478 | UDP:3478",
        "50000 - 59999 | 50000-59999",
        "50000 \u2013 59999 | 50000-59999",
        "TCP 5061 | TCP 5061",
        "443 (HTTPS) | 443",
    })
    void serviceTokens(String cell, String expected) {
        assertEquals(List.of(expected.split(" ")), CellText.serviceTokens(cell));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"53,123", "22,443", "59,999"})
    void ambiguousCommaIsRefusedNotGuessed(String cell) {
        CellException e = assertThrows(CellException.class, () -> CellText.serviceTokens(cell));
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1, 10.0.0.2 | 10.0.0.1 10.0.0.2",
        "10.0.0.1\\n10.0.0.2 | 10.0.0.1 10.0.0.2",
        "10.0.0.1 - 10.0.0.9 | 10.0.0.1-10.0.0.9",
        "10.0.0.0 / 8; 2001:db8::/32 | 10.0.0.0/8 2001:db8::/32",
    })
    void listTokens(String cell, String expected) {
        assertEquals(List.of(expected.split(" ")), CellText.listTokens(cell.replace("\\n", "\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"TCP/UDP | tcp udp", "TCP, UDP | tcp udp", "tcp + udp | tcp udp", "TCP and UDP | tcp udp"})
    void protocolTokens(String cell, String expected) {
        assertEquals(List.of(expected.split(" ")), CellText.protocolTokens(cell));
    }
}
