package dev.pharos.support;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of URL parts per RFC 3986: only the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) stay as
 * they are, everything else becomes {@code %XX} of its UTF-8 bytes (a space is {@code %20}, never {@code +}).
 *
 * <p>The browser module {@code assets/js/support/tickets.js} does exactly the same; the shared fixture
 * {@code themes/default/tests/support-ticket-urls.fixture.json} proves it.
 */
public final class Percent {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Percent() {
    }

    /** Encodes a query value or path segment. */
    public static String component(String text) {
        return encode(text, "");
    }

    /** Encodes text keeping the characters in {@code keep} as they are (used for {@code @} in mailto addresses). */
    static String encode(String text, String keep) {
        byte[] bytes = wellFormed(text).getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || c < 0x80 && keep.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    /**
     * Replaces unpaired surrogates with U+FFFD. Text pasted from broken sources can hold them; UTF-8 cannot encode
     * them (Java would write {@code ?}, the browser's encoder throws), so both sides replace them the same way.
     */
    public static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (lone && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}
