package io.lyncaudit.audit;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.report.JsonReportReader;
import io.lyncaudit.report.Report;
import io.lyncaudit.waiver.Waiver;
import io.lyncaudit.waiver.WaiverLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What the gate takes into account beyond the analysis: waivers (checked against {@code today},
 * warning {@code warnDays} ahead of expiry) and a baseline report (null: none).
 */
public record Adjustments(List<Waiver> waivers, LocalDate today, int warnDays, Report baseline) {
    /** The default warning window before a waiver expires. */
    public static final int DEFAULT_WARN_DAYS = 30;

    public Adjustments {
        waivers = List.copyOf(waivers);
    }

    /** No waivers, no baseline. */
    public static Adjustments none() {
        return new Adjustments(List.of(), LocalDate.now(), DEFAULT_WARN_DAYS, null);
    }

    /** The largest baseline report read (the JSON report of an earlier audit). */
    public static final long MAX_BASELINE_BYTES = 256L * 1024 * 1024;

    /**
     * Reads the waiver file and the baseline report (either may be null).
     *
     * @param display turns a path into the name messages and reports use
     */
    public static Adjustments load(Path waiverFile, Path baselineFile, LocalDate today, int warnDays,
                                   java.util.function.Function<Path, String> display) throws BadInputException {
        List<Waiver> waivers = waiverFile == null ? List.of() : WaiverLoader.load(waiverFile, display.apply(waiverFile));
        Report baseline = null;
        if (baselineFile != null) {
            String name = display.apply(baselineFile);
            if (!Files.isRegularFile(baselineFile)) throw new BadInputException(name, 0, "baseline report not found");
            try {
                long size = Files.size(baselineFile);
                if (size > MAX_BASELINE_BYTES) {
                    throw new BadInputException(name, 0, "the file is " + size + " bytes; a baseline report is read up to "
                            + (MAX_BASELINE_BYTES >> 20) + " MiB (a limit against hostile input)");
                }
                baseline = JsonReportReader.read(baselineFile);
            } catch (IOException e) {
                String m = e.getMessage() == null ? "cannot read" : e.getMessage();
                if (m.startsWith(baselineFile.toString() + ": ")) m = m.substring(baselineFile.toString().length() + 2);
                throw new BadInputException(name, 0, "not a usable baseline report: " + m);
            }
        }
        return new Adjustments(waivers, today, warnDays, baseline);
    }
}
