package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every renderer must do (after PMD's renderer tests): be registered under its own name,
 * match its expected file for the shared fixture, be deterministic, cope with an empty report,
 * leave the caller's stream open, and work through {@link AtomicReportWriter}.
 */
public abstract class RendererContractTest {

    /** A fresh renderer with the settings its expected file was made with. */
    protected abstract ReportRenderer renderer();

    /** The registry constant the renderer belongs to. */
    protected abstract ReportFormat format();

    /** Compares the rendering of {@link ReportFixtures#sample()} with this format's expected file. */
    protected abstract void assertMatchesExpected(byte[] rendered) throws IOException;

    /**
     * What two renderings must agree on. Text formats compare bytes; container formats (XLSX: a zip
     * with timestamps) override this with a dump of their content.
     */
    protected String comparable(byte[] rendered) throws IOException {
        return new String(rendered, StandardCharsets.UTF_8);
    }

    protected static byte[] render(ReportRenderer renderer, Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(report, out);
        return out.toByteArray();
    }

    @Test
    public void isRegisteredUnderItsFormatName() {
        ReportRenderer r = renderer();
        assertEquals(format().formatName(), r.format());
        assertEquals(r.getClass(), format().renderer().getClass());
        assertTrue(r.extension().matches("[a-z0-9]+"), r.extension());
    }

    @Test
    public void matchesExpectedFile() throws IOException {
        assertMatchesExpected(render(renderer(), ReportFixtures.sample()));
    }

    @Test
    public void isDeterministic() throws IOException {
        byte[] first = render(renderer(), ReportFixtures.sample());
        byte[] second = render(renderer(), ReportFixtures.sample());
        if (renderer().binary()) assertEquals(comparable(first), comparable(second));
        else assertArrayEquals(first, second);
    }

    @Test
    public void rendersAnEmptyReport() throws IOException {
        byte[] out = render(renderer(), ReportFixtures.empty());
        assertTrue(out.length > 0);
    }

    @Test
    public void leavesTheStreamOpenAndFlushed() throws IOException {
        TrackingStream out = new TrackingStream();
        renderer().render(ReportFixtures.sample(), out);
        assertFalse(out.closed, "render closed the caller's stream");
        assertTrue(out.size() > 0);
        assertTrue(out.flushedSize == out.size(), "render returned with unflushed output");
    }

    @Test
    public void textOutputIsStrictUtf8() throws IOException {
        if (renderer().binary()) return;
        byte[] out = render(renderer(), ReportFixtures.sample());
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out));
    }

    @Test
    public void writesAtomicallyIntoADirectory(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out/nested");
        Path written = AtomicReportWriter.write(ReportFixtures.sample(), renderer(), dir);
        assertEquals(dir.resolve("lyncaudit." + renderer().extension()), written);
        assertEquals(comparable(render(renderer(), ReportFixtures.sample())), comparable(Files.readAllBytes(written)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the report is left in the directory");
        }
    }

    /** Remembers whether it was closed and how much had been flushed. */
    private static final class TrackingStream extends ByteArrayOutputStream {
        boolean closed;
        int flushedSize = -1;

        @Override
        public void flush() {
            flushedSize = size();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
