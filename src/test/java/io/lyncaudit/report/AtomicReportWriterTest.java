package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report file is either the old one or the complete new one, never a half-written one. */
class AtomicReportWriterTest {

    /** Writes some bytes, then fails the way it is told to. */
    private record FailingRenderer(Throwable failure) implements ReportRenderer {
        @Override
        public String format() {
            return "failing";
        }

        @Override
        public String extension() {
            return "txt";
        }

        @Override
        public boolean binary() {
            return false;
        }

        @Override
        public void render(Report r, OutputStream out) throws IOException {
            out.write("half a report".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (failure instanceof IOException e) throw e;
            if (failure instanceof RuntimeException e) throw e;
            throw (Error) failure;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void createsTheDirectoryAndWritesTheReport(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("a/b");
        Path file = AtomicReportWriter.write(ReportFixtures.sample(), new JsonReportRenderer(), dir);
        assertEquals(dir.resolve("lyncaudit.json"), file);
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void replacesAnExistingReport(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("lyncaudit.txt"), "old");
        AtomicReportWriter.write(ReportFixtures.empty(), new ConsoleReportRenderer(), tmp);
        assertFalse(Files.readString(tmp.resolve("lyncaudit.txt")).equals("old"));
        assertEquals(1, list(tmp).size());
    }

    @Test
    void aRendererThatFailsHalfwayLeavesNoFile(@TempDir Path tmp) throws IOException {
        for (Throwable failure : List.of(new IOException("disk full"), new IllegalStateException("bug"), new OutOfMemoryError("big"))) {
            Throwable thrown = assertThrows(Throwable.class,
                    () -> AtomicReportWriter.write(ReportFixtures.sample(), new FailingRenderer(failure), tmp));
            assertSame(failure, thrown, "the renderer's own failure is rethrown");
            assertEquals(List.of(), list(tmp), "neither the report nor a temp file is left");
        }
    }

    @Test
    void aFailureKeepsTheOldReport(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("lyncaudit.txt"), "old");
        assertThrows(IOException.class,
                () -> AtomicReportWriter.write(ReportFixtures.sample(), new FailingRenderer(new IOException("x")), tmp));
        assertEquals("old", Files.readString(tmp.resolve("lyncaudit.txt")));
        assertEquals(1, list(tmp).size());
    }
}
