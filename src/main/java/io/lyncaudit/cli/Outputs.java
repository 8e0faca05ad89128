package io.lyncaudit.cli;

import io.lyncaudit.report.Table;
import io.lyncaudit.report.TableRenderers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    static void toFile(Path target, Body body) throws IOException {
        if (Files.isDirectory(target)) throw new Main.UsageException(target + " is a directory; --out names the file to write here");
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                body.write(o);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
