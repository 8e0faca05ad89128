package io.lyncaudit.cli;

import io.lyncaudit.report.Table;
import io.lyncaudit.report.TableRenderers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import io.lyncaudit.model.BadInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing command output: to stdout, or atomically to a file (temp file + rename, nothing partial left). */
final class Outputs {
    private Outputs() {}

    /** Something that writes itself to a stream. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    static void toStdout(PrintWriter out, Body body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        body.write(buf);
        out.print(buf.toString(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Writes {@code target} atomically; a place that cannot be written is bad input naming it (exit 2), and nothing is left behind. */
    static void toFile(Path target, Body body) throws IOException, BadInputException {
        if (Files.isDirectory(target)) throw new Main.UsageException(target + " is a directory; --out names the file to write here");
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                body.write(o);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw unwritable(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure to write is the one worth reporting
                }
            }
        }
    }

    /**
     * Checks, before the work whose result goes there, that a report directory can be made and take
     * files, without making it (a failed run leaves no directory behind): the directory, or its
     * nearest existing parent, must be a writable directory. An unwritable {@code --out} is bad input
     * naming it (exit 2), found in a moment rather than after the audit; what only writing can find
     * (a name too long) is bad input when the report is written.
     */
    static void requireWritableDirectory(Path dir) throws BadInputException {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return;
        if (!Files.isDirectory(p)) throw unwritable(dir, new NotDirectoryException(p.toString()));
        if (!Files.isWritable(p)) throw unwritable(dir, new AccessDeniedException(p.toString()));
    }

    /** A failure to write {@code target}, as bad input naming the path and why; never an internal error. */
    static BadInputException unwritable(Path target, IOException e) {
        return new BadInputException(target.toString(), target.toString(), "cannot write here: " + reason(e), e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileAlreadyExistsException) return "a file is in the way where a directory should be";
        if (e instanceof NoSuchFileException) return "no such directory";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(java.util.Locale.ROOT);
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static Body table(Table t, String format) {
        return switch (format) {
            case "csv" -> o -> TableRenderers.csv(t, o);
            case "json" -> o -> TableRenderers.json(t, o);
            case "xlsx" -> o -> io.lyncaudit.report.xlsx.TableXlsx.write(t, o);
            default -> o -> TableRenderers.text(t, o);
        };
    }
}
