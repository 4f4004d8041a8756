package dev.pharos.internal;

import java.util.Locale;

/** URL path segments and heading anchors made from names and titles, in every script. */
public final class Slugs {

    private Slugs() {
    }

    /** Characters kept in URL segments as they are: safe in a URL path and in a file name. */
    private static final String PATH_SAFE = "-_.+~!@$(),;=";

    /**
     * A URL path segment from a file or folder name: lower case, spaces and unsafe punctuation to hyphens, letters
     * of every script kept ({@code Best Practice} becomes {@code best-practice}, {@code 本地文件系统} and
     * {@code clang++} stay). A name with no letter or digit ({@code !}, {@code [[}, tldr's commands) is spelled out as
     * code points ({@code u21}, {@code u5b-u5b}) so that such names stay distinct.
     */
    public static String segment(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean dash = false;
        boolean meaningful = false;
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (word || PATH_SAFE.indexOf(cp) >= 0) {
                out.appendCodePoint(cp);
                dash = cp == '-';
                meaningful |= word;
            } else if (!dash && out.length() > 0) {
                out.append('-');
                dash = true;
            }
        }
        if (!meaningful) {
            return codePoints(name);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * A file or folder name from a title: lower case, words joined by hyphens, no punctuation; other scripts kept
     * ({@code "Why is my deposit late?"} becomes {@code why-is-my-deposit-late}); {@code fallback} when nothing is left.
     */
    public static String fileName(String title, String fallback) {
        String slug = segment(title).replaceAll("[^\\p{L}\\p{N}\\p{M}_-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        return slug.isEmpty() ? fallback : slug;
    }

    private static String codePoints(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> {
            if (out.length() > 0) {
                out.append('-');
            }
            out.append('u').append(Integer.toHexString(cp));
        });
        return out.length() == 0 ? "page" : out.toString();
    }

    /**
     * A heading anchor the way GitHub makes them, so links writers copy from GitHub keep working: lower case,
     * every character that is not a letter, digit, mark, hyphen or underscore dropped, spaces to hyphens
     * ({@code ## Network fees (ERC20)} becomes {@code network-fees-erc20}, {@code ## 网络手续费} stays).
     */
    public static String anchor(String heading) {
        StringBuilder out = new StringBuilder(heading.length());
        String lower = heading.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || cp == '-' || cp == '_') {
                out.appendCodePoint(cp);
            } else if (cp == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }

    /** "best_practice-guide" or "Best Practice" as a title: "Best practice guide". */
    public static String humanize(String name) {
        String words = name.replaceAll("\\.(md|markdown)$", "").replace('_', ' ').replace('-', ' ').strip();
        if (words.isEmpty()) {
            return name;
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
