package io.lyncaudit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.io.InputText.Encoding;
import io.lyncaudit.io.InputText.Text;
import io.lyncaudit.model.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/** The one decoding rule (docs/input-limits.md), its limits, and how it says where a text cannot be read. */
class InputTextTest {
    private static final String TEXT = "-A FORWARD -p tcp --dport 22 -m comment --comment \"accès SSH\" -j ACCEPT\n";
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path tmp;

    /** Every test here is bounded: a hang fails it rather than stalling the build. */
    private static <T> T quick(ThrowingSupplier<T> s) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), s);
    }

    private static Text decode(byte[] b, String declared) {
        return quick(() -> InputText.decode(b, "f", declared));
    }

    private static String refused(byte[] b, String declared) {
        return quick(() -> assertThrows(BadInputException.class, () -> InputText.decode(b, "f", declared)).getMessage());
    }

    private static byte[] bytes(byte[] bom, String s, Charset cs) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(bom);
        o.writeBytes(s.getBytes(cs));
        return o.toByteArray();
    }

    @Test
    void aByteOrderMarkDecides() {
        Text u8 = decode(bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT, StandardCharsets.UTF_8), null);
        Text le = decode(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT, StandardCharsets.UTF_16LE), null);
        Text be = decode(bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT, StandardCharsets.UTF_16BE), null);
        for (Text t : new Text[] {u8, le, be}) {
            assertEquals(TEXT, t.text(), "the mark is dropped, the text is whole");
            assertEquals("byte-order mark", t.how());
            assertTrue(t.notes().isEmpty(), t.notes().toString());
        }
        assertEquals(Encoding.UTF_16LE, le.encoding());
        assertEquals(Encoding.UTF_16BE, be.encoding());
    }

    @Test
    void utf8WithoutAMarkIsDetected() {
        Text t = decode(TEXT.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(TEXT, t.text());
        assertEquals(Encoding.UTF_8, t.encoding());
        assertTrue(t.notes().isEmpty());
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252WithANoteSayingWhere() {
        Text t = decode(TEXT.getBytes(CP1252), null);
        assertEquals(TEXT, t.text(), "the è of the comment survives");
        assertEquals(Encoding.WINDOWS_1252, t.encoding());
        assertEquals(1, t.notes().size());
        assertEquals(new InputText.Note(1, 55, "not valid utf-8 (byte 0xE8); the file is read as windows-1252", false), t.notes().get(0));
        // the characters Windows-1252 has where ISO-8859-1 has controls
        assertEquals("\u20AC \u2019 \u201C\u201D", decode(new byte[] {(byte) 0x80, ' ', (byte) 0x92, ' ', (byte) 0x93, (byte) 0x94}, null).text());
    }

    @Test
    void utf16WithoutAMarkIsReadWhenItsZeroBytesMakeItUnmistakable() {
        Text t = decode(TEXT.repeat(3).getBytes(StandardCharsets.UTF_16LE), null);
        assertEquals(TEXT.repeat(3), t.text());
        assertEquals(Encoding.UTF_16LE, t.encoding());
        assertTrue(t.notes().get(0).message().startsWith("no byte-order mark; read as utf-16le"), t.notes().toString());
        assertEquals(Encoding.UTF_16BE, decode(TEXT.repeat(3).getBytes(StandardCharsets.UTF_16BE), null).encoding());
    }

    @Test
    void aDeclaredEncodingDecidesStrictlyAndSaysWhereItFails() {
        assertEquals(TEXT, decode(TEXT.getBytes(CP1252), "latin-1").text());
        assertEquals(TEXT, decode(TEXT.getBytes(StandardCharsets.UTF_16LE), "utf-16").text(), "utf-16 without a mark is little-endian");
        assertEquals(TEXT, decode(bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT, StandardCharsets.UTF_16BE), "UTF-16").text());
        String m = refused(("# ok\n" + TEXT).getBytes(CP1252), "utf-8");
        assertEquals("f:2:55: byte 0xE8 is not valid utf-8 text (encodings tried: utf-8 (declared)); declare the file's real encoding "
                + "(" + Encoding.labels() + ") or leave it to detection", m);
        String odd = refused(new byte[] {'a', 0, 'b'}, "utf-16le");
        assertTrue(odd.startsWith("f:1:2: byte 0x62 is not valid utf-16le text"), odd);
        assertTrue(refused(TEXT.getBytes(StandardCharsets.UTF_8), "ebcdic").startsWith("f: unknown encoding 'ebcdic'; expected one of: "));
    }

    @Test
    void aMarkThatContradictsTheDeclarationIsRefused() {
        String m = refused(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT, StandardCharsets.UTF_16LE), "windows-1252");
        assertEquals("f:1: the file starts with a utf-16le byte-order mark but is declared windows-1252; correct the declaration or remove it", m);
    }

    @Test
    void binaryIsRefusedNamingTheLineAndColumnAndTheEncodingsTried() {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        String m = refused(junk, null);
        assertTrue(m.matches("f:\\d+:\\d+: binary content, not text: .* \\(encodings tried: utf-8 \\(byte 0x[0-9A-F]{2} at line \\d+, "
                + "column \\d+ is not valid utf-8\\), windows-1252\\)"), m);
        assertEquals("f:2:3: binary content, not text: a NUL character (encodings tried: utf-8)", refused("ok\nab\0c\n".getBytes(StandardCharsets.UTF_8), null));
        assertTrue(refused("x\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000e".getBytes(StandardCharsets.UTF_8), null)
                .contains("too many control characters"));
        assertNull(InputText.sniff(junk, null), "detection sees no text in it");
    }

    @Test
    void controlCharactersAndUndefinedBytesAreNotedWithTheirColumn() {
        Text t = decode(("a\n-m comment --comment \"\u001b[31mx\u001b[0m\"\n").getBytes(StandardCharsets.UTF_8), null);
        assertEquals(2, t.notes().size());
        assertEquals(new InputText.Note(2, 23, "control character \\u001b", true), t.notes().get(0));
        Text u = decode(new byte[] {'a', 'c', 'c', (byte) 0x81, 's', (byte) 0xE8}, null);
        assertEquals("acc\uFFFDs\u00E8", u.text());
        assertTrue(u.notes().contains(new InputText.Note(1, 4, "a byte undefined in windows-1252, read as U+FFFD", true)), u.notes().toString());
    }

    @Test
    void linesLongerThanTheLimitAreRefusedNamingTheLine() {
        String text = "short\r\n" + "x".repeat(70_000) + "\nshort\n";
        BadInputException e = quick(() -> assertThrows(BadInputException.class, () -> InputText.requireLineLength(text, "f", 65_536, "a thing")));
        assertEquals("f:2: the line is 70000 characters long; a thing is read with lines of at most 65536 characters (a limit against hostile input)",
                e.getMessage());
        quick(() -> {
            InputText.requireLineLength("x".repeat(65_536) + "\r" + "y".repeat(65_536), "f", 65_536, "a thing");
            return null;
        });
    }

    @Test
    void filesLargerThanTheLimitAreRefusedBeforeTheyAreRead() throws Exception {
        Path f = Files.write(tmp.resolve("big.txt"), new byte[2048]);
        String m = quick(() -> assertThrows(BadInputException.class, () -> InputText.read(f, "big.txt", null, 1024, 0, "a thing")).getMessage());
        assertEquals("big.txt: the file is 2048 bytes; a thing is read up to 1024 bytes (a limit against hostile input)", m);
        assertEquals("gone.txt: file not found",
                assertThrows(BadInputException.class, () -> InputText.read(tmp.resolve("gone.txt"), "gone.txt", null, 1024, 0, "x")).getMessage());
    }

    @Test
    void sniffingTheHeadIsLenientAboutACharacterCutInTwo() {
        byte[] b = "ab\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 1);
        String s = InputText.sniff(cut, null);
        assertTrue(s.startsWith("ab"), s);
        assertFalse(s.contains("\u00c3"), "a cut UTF-8 head is not taken for Windows-1252: " + s);
        assertEquals(TEXT, InputText.sniff(bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT, StandardCharsets.UTF_16LE), null));
    }
}
