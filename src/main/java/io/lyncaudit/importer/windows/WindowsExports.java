package io.lyncaudit.importer.windows;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Detection and reading shared by the firewall and IPsec importers: decode, find the shape, check the kind of rules. */
final class WindowsExports {
    private WindowsExports() {}

    /** A read export with the ledger its lines are accounted in. */
    record Read(WindowsExportReader.RawExport export, LineLedger ledger) {}

    /**
     * True when the text is a Windows export (one of the three shapes, by {@code markers}) whose
     * property names are of the {@code kind} of rules asked for.
     */
    static boolean detect(byte[] head, Set<String> markers, Kind kind) {
        String text = WindowsText.lenient(head);
        if (text == null) return false;
        List<String> lines = new WindowsText.Decoded(text, "", false).lines();
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

    static Read read(Path file, String display, Set<String> markers, Kind kind, String what)
            throws BadInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(display, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(display, display, "cannot read the file: " + e.getMessage(), e);
        }
        WindowsText.Decoded d = WindowsText.decode(bytes, display);
        List<String> lines = d.lines();
        WindowsExportReader.Shape shape = WindowsExportReader.shape(lines, markers);
        if (shape == null || !kind.test(shape, WindowsExportReader.keys(lines, shape))) {
            throw new BadInputException(display, 0, "not " + what);
        }
        LineLedger ledger = new LineLedger(display, withoutBom(lines));
        if (d.guessed()) {
            ledger.fileDiagnostic(LineLedger.Verdict.IGNORED, d.encoding(), "no byte-order mark; read as " + d.encoding()
                    + " from its zero bytes");
        }
        return new Read(WindowsExportReader.read(lines, shape, ledger), ledger);
    }
}
