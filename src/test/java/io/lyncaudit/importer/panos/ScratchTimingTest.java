package io.lyncaudit.importer.panos;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.LineLedger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void phases() throws Exception {
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            ConfigText.Source src = ConfigText.decode(Path.of("bench/out/panos-20000.xml"), "x", null, PanosImporter.MAX_BYTES, "x");
            long t1 = System.nanoTime();
            String text = src.text();
            LineLedger lines = LineLedger.ofText("x", text);
            PanLedger ledger = new PanLedger(lines);
            long t2 = System.nanoTime();
            PanNode doc = PanXmlReader.read(text, PanosImporter.xmlStart(text), lines, "x");
            long t3 = System.nanoTime();
            PanosConversions.Converted c = PanosConversions.convert(doc, ledger);
            long t4 = System.nanoTime();
            var d = lines.diagnostics();
            var n = lines.counts();
            long t5 = System.nanoTime();
            System.out.printf("decode %d ledger %d xml %d convert %d diag %d (%d diags)%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, d.size());
        }
    }
}
