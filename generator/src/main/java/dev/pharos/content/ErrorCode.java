package dev.pharos.content;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An error code an app shows, claimed by a page ({@code codes:} in its front matter) or by one of its headings
 * ({@code ## Question? {#anchor codes=E1023}}): {@code /<locale>/go/<code>/} leads there.
 *
 * @param code   the code in upper case, as it appears in URLs and {@code codes.json}
 * @param anchor the heading's anchor, or empty for the whole page
 * @param line   the file line that names the code (the {@code codes} key, or the heading)
 */
public record ErrorCode(String code, String anchor, int line) {

    /** Letters, digits, {@code _}, {@code -} and {@code .}, starting with a letter or digit, at most 64. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The form codes are compared and published in: upper case ({@code e1023} is {@code E1023}). */
    public static String canonical(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String code) {
        return VALID.matcher(code).matches();
    }
}
