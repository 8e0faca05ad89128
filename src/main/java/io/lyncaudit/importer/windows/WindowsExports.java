package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.ConfigText;
import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Detection and reading shared by the firewall and IPsec importers: decode, find the shape, check the kind of rules. */
final class WindowsExports {
    private WindowsExports() {}

    /** A read export with the ledger its lines are accounted in, and its decoded text (whose notes go with the diagnostics). */
    record Read(WindowsExportReader.RawExport export, LineLedger ledger, ConfigText.Source source) {
        /** The ledger's diagnostics with the decoding's notes. */
        List<Diagnostic> diagnostics() {
            return ConfigText.withNotes(ledger.diagnostics(), source);
        }
    }

    /**
     * True when the text is a Windows export (one of the three shapes, by {@code markers}) whose
     * property names are of the {@code kind} of rules asked for.
     */
    static boolean detect(byte[] head, Set<String> markers, Kind kind) {
        String text = WindowsText.lenient(head);
        if (text == null) return false;
        List<String> lines = WindowsText.lines(text);
        WindowsExportReader.Shape shape = WindowsExportReader.shape(lines, markers);
        return shape != null && kind.test(shape, WindowsExportReader.keys(lines, shape));
    }

    /** Whether the property names of an export of this shape are those of the importer's kind of rules. */
    interface Kind {
        boolean test(WindowsExportReader.Shape shape, Set<String> keys);
    }

    /** True when {@code keys} has one of {@code any}. */
    static boolean anyOf(Set<String> keys, Set<String> any) {
        return !Collections.disjoint(keys, any);
    }

    /** The lines as the ledger shows them: a byte-order mark is no part of the first. */
    private static List<String> withoutBom(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("\uFEFF")) return lines;
        List<String> out = new java.util.ArrayList<>(lines);
        out.set(0, out.get(0).substring(1));
        return out;
    }

    /** Reads an export in {@code encoding} (null: detected). */
    static Read read(Path file, String display, String encoding, Set<String> markers, Kind kind, String what)
            throws BadInputException {
        ConfigText.Source src = ConfigText.read(file, display, encoding, WindowsText.MAX_BYTES, WindowsText.MAX_LINE, "a Windows export");
        List<String> lines = WindowsText.lines(src.text());
        WindowsExportReader.Shape shape = WindowsExportReader.shape(lines, markers);
        if (shape == null || !kind.test(shape, WindowsExportReader.keys(lines, shape))) {
            throw new BadInputException(display, 0, "not " + what);
        }
        LineLedger ledger = new LineLedger(display, withoutBom(lines));
        return new Read(WindowsExportReader.read(lines, shape, ledger), ledger, src);
    }
}
