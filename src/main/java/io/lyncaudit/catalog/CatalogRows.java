package io.lyncaudit.catalog;

import io.lyncaudit.finding.SourceRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference rows the catalog does not encode as requirements: those deliberately not enforced
 * (with the reason) and those still on the work list. Read from the lists beside the DRL.
 */
public final class CatalogRows {
    private static final String DIR = "io/lyncaudit/rules/lync-server-2013/";

    private CatalogRows() {}

    /** A reference row and why no rule encodes it. */
    public record Unenforced(SourceRow row, String reason) {
    }

    /** Rows deliberately not enforced, then rows not encoded yet, in file order. */
    public static List<Unenforced> unenforced() {
        List<Unenforced> out = new ArrayList<>();
        for (CSVRecord r : read("not-enforced.csv")) out.add(new Unenforced(row(r), "not enforced: " + r.get("reason")));
        for (CSVRecord r : read("pending.csv")) out.add(new Unenforced(row(r), "not encoded yet: on the catalog work list"));
        return out;
    }

    private static SourceRow row(CSVRecord r) {
        return new SourceRow(r.get("file"), Integer.parseInt(r.get("table")), Integer.parseInt(r.get("row")));
    }

    private static List<CSVRecord> read(String name) {
        try (InputStream in = CatalogRows.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) return List.of();
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog list " + name, e);
        }
    }
}
