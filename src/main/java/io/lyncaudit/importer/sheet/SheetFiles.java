package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/** Tells a workbook from CSV text by content and streams either to a {@link RowSink}. */
final class SheetFiles {
    private SheetFiles() {}

    static final byte[] ZIP = {'P', 'K', 3, 4};
    static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /**
     * Streams the file's tables to {@code sink}: every sheet of a workbook, or the CSV file as one.
     *
     * @param isHeader recognises a header row, which picks a CSV file's delimiter
     * @param expected the header spellings looked for, for the "no header" message
     * @param encoding a CSV file's encoding, or null to detect it
     */
    static void read(Path file, String displayName, Predicate<RawRow> isHeader, String expected, RowSink sink, String encoding)
            throws BadInputException {
        byte[] magic = new byte[8];
        int n;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(magic, 0, magic.length);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(displayName, displayName, "cannot read the file: " + XlsxReader.message(e), e);
        }
        byte[] head = Arrays.copyOf(magic, n);
        if (startsWith(head, ZIP) || startsWith(head, OLE2)) {
            XlsxReader.read(file, displayName, startsWith(head, OLE2), sink);
            return;
        }
        if (excelName(displayName) || excelName(String.valueOf(file.getFileName()))) {
            throw new BadInputException(displayName, 0, "not a spreadsheet: the name says Excel workbook but the content is not one");
        }
        if (size > Limits.MAX_CSV_BYTES) {
            throw new BadInputException(displayName, 0, "a CSV file of " + (size >> 20) + " MiB, more than the " + (Limits.MAX_CSV_BYTES >> 20)
                    + " MiB a spreadsheet import reads (docs/importer-spreadsheet.md); split it, or save it as .xlsx, which is read as a stream");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(displayName, displayName, "cannot read the file: " + XlsxReader.message(e), e);
        }
        CsvReader.read(bytes, displayName, baseName(displayName), isHeader, expected, sink, encoding);
    }

    private static boolean excelName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
    }

    static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) return false;
        }
        return true;
    }

    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    static String baseName(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
