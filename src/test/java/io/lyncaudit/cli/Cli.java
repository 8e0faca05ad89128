package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.DeploymentLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the command line in-process ({@link Main#run}) and checks what the product promises about its output. */
final class Cli {
    /** The sample with four planted findings (one critical MISDIRECTED, three high). */
    static final Path PLANTED = Path.of("samples/contoso-single-edge-nat/deployment.yaml");
    /** The sample that passes the gate. */
    static final Path CLEAN = Path.of("samples/contoso-clean-public/deployment.yaml");
    /** A small valid deployment with two CSV firewalls, whose line numbers the bad-input tests check. */
    static final Path BASE = Path.of("src/test/resources/cli/base");

    private Cli() {}

    /**
     * One run: the exit code, everything written to out and err, and anything that went to the
     * process's own System.out/System.err instead (library logging, stray prints).
     */
    record Result(int code, String out, String err, String stray) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err + "\n--- System.out/err:\n" + stray;
        }
    }

    /** Runs Main.run; tests run one at a time (no parallel execution), so swapping System.out/err is safe. */
    static synchronized Result run(Object... args) {
        String[] a = Stream.of(args).map(String::valueOf).toArray(String[]::new);
        StringWriter out = new StringWriter(), err = new StringWriter();
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        PrintStream capture = new PrintStream(stray, true, StandardCharsets.UTF_8);
        int code;
        try {
            System.setOut(capture);
            System.setErr(capture);
            code = Main.run(a, new PrintWriter(out), new PrintWriter(err));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(), err.toString(), stray.toString(StandardCharsets.UTF_8));
    }

    /**
     * The bad-input promise: exit 2, nothing on stdout, one message line on stderr that starts
     * with "lyncaudit: " and shows no exception or stack trace, and no other output anywhere.
     *
     * @return the message, without the "lyncaudit: " prefix
     */
    static String badInput(Result r) {
        assertEquals(ExitCode.BAD_INPUT.code(), r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertNoStackTrace(r);
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), () -> "one message line expected\n" + r);
        assertTrue(lines.get(0).startsWith("lyncaudit: "), r::toString);
        return lines.get(0).substring("lyncaudit: ".length());
    }

    /** No exception or stack trace on err, and nothing at all printed around the CLI's writers. */
    static void assertNoStackTrace(Result r) {
        assertFalse(r.err().contains("Exception"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertEquals("", r.stray(), r::toString);
    }

    /** No report and no temp file in dir (which may not exist at all). */
    static void assertNoReport(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("lyncaudit.") || n.endsWith(".tmp")).toList();
            assertEquals(List.of(), names, "left behind in " + dir);
        }
    }

    /** The names of every entry of dir, hidden ones included, sorted. */
    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** How a path is named in messages. */
    static String shown(Path p) {
        return DeploymentLoader.display(p);
    }

    /** Copies the files of a folder (not recursive) into a new folder under tmp. */
    static Path copy(Path from, Path tmp) {
        try {
            Path to = Files.createDirectories(tmp.resolve(from.getFileName()));
            try (Stream<Path> s = Files.list(from)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact piece of a text file, failing when it is not there exactly once. */
    static Path edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, () -> "'" + from + "' must occur once in " + file);
            Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
