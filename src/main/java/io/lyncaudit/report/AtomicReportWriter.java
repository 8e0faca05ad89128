package io.lyncaudit.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a rendered report to {@code DIR/lyncaudit.<ext>} so that readers only ever see the old
 * file or the complete new one, never a half-written file.
 */
public final class AtomicReportWriter {
    /** The base name of every report file. */
    public static final String BASE_NAME = "lyncaudit";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicReportWriter() {}

    /** The path the report of {@code renderer} gets in {@code dir}. */
    public static Path target(Path dir, ReportRenderer renderer) {
        return dir.resolve(BASE_NAME + "." + renderer.extension());
    }

    /**
     * Renders into a temp file next to the target, forces it to disk, then renames it over the
     * target. On any failure the temp file is deleted and the failure rethrown; an existing report
     * stays as it was.
     *
     * @return the written file
     */
    public static Path write(Report report, ReportRenderer renderer, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = target(dir, renderer);
        // Same directory as the target, so the rename stays on one file system and can be atomic.
        // Opened with CREATE_NEW rather than Files.createTempFile, which would make the final
        // report owner-only (0600) instead of following the user's umask.
        Path temp = dir.resolve("." + target.getFileName() + "." + randomSuffix() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
                renderer.render(report, out);
                out.flush();
                // without this a crash right after the rename could leave an empty file behind the new name
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            return target;
        } finally {
            if (!moved) deleteQuietly(temp);
        }
    }

    private static String randomSuffix() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting; a stray temp file is named .*.tmp
        }
    }
}
