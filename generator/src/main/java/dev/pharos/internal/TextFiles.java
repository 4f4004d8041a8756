package dev.pharos.internal;

import dev.pharos.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads writers' text files strictly: UTF-8 or a clear error naming the line with the bad bytes. */
public final class TextFiles {

    private TextFiles() {
    }

    /** A file that could not be read, already phrased for the writer. */
    public static final class Unreadable extends Exception {
        private final transient Problem problem;

        Unreadable(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The file's text with a leading byte-order mark removed and line ends normalised to {@code \n}.
     *
     * @param label the path to show in messages (relative to the content root)
     */
    public static String read(Path file, String label) throws Unreadable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new Unreadable(Problem.error(label, 0, "cannot read the file: permission denied (check its permissions)"));
        } catch (IOException e) {
            throw new Unreadable(Problem.error(label, 0, "cannot read the file: " + e.getMessage()));
        }
        return decode(bytes, label);
    }

    public static String decode(byte[] bytes, String label) throws Unreadable {
        // The String constructor (no decoder object, no CharBuffer copy) gives the same text for valid UTF-8; it
        // replaces bad bytes with U+FFFD, so a text holding one goes through the strict decoder, which names the bad
        // byte, if any.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = strictly(bytes, label);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text;
    }

    private static String strictly(byte[] bytes, String label) throws Unreadable {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Unreadable(Problem.error(label, line, String.format(
                    "the file is not valid UTF-8 (byte 0x%02X at offset %d); save it as UTF-8", bytes[bad] & 0xFF, bad)));
        }
    }

    /** How many lines of {@code text} end before {@code offset}: 0 for an offset on its first line. */
    public static int linesBefore(String text, int offset) {
        int lines = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        return lines;
    }

    /** Past a million characters an article is almost surely a mistake (a pasted log or data file). */
    static final int LARGE_ARTICLE = 1_000_000;

    /**
     * Warnings about a decoded text file that builds but is probably not what the writer meant: NUL characters
     * (a binary file, or one saved as UTF-16; Markdown shows them as U+FFFD) and more than a million characters.
     */
    public static List<Problem> oddities(String text, String label) {
        List<Problem> out = new ArrayList<>();
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            out.add(Problem.warning(label, 1 + linesBefore(text, nul), "the file contains NUL characters, shown as"
                    + " \uFFFD: it is not plain text (a binary file, or saved as UTF-16?); save it as UTF-8 text"));
        }
        if (text.length() > LARGE_ARTICLE) {
            out.add(Problem.warning(label, 0, String.format(java.util.Locale.ROOT, "the article has %.1f million"
                    + " characters, too long to read or to load on a phone; split it into shorter articles",
                    text.length() / 1_000_000.0)));
        }
        return out;
    }

    private static int firstInvalidByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }
}
