package dev.pharos.search;

/** The text kept for result excerpts: the start of a part, cut by display width at a word boundary. */
final class Excerpts {

    private Excerpts() {
    }

    /**
     * The first {@code width} columns of a text, a wide (CJK) character counting two, cut after a whole word when
     * there is one in the last third, with an ellipsis when cut.
     */
    static String head(String text, int width) {
        String t = text.strip();
        int i = fit(t, width);
        if (i >= t.length()) {
            return t;
        }
        int cut = i;
        int space = t.lastIndexOf(' ', i);
        if (space > i * 2 / 3 && !wide(t.codePointBefore(i))) {
            cut = space;
        }
        return t.substring(0, cut).strip() + "…";
    }

    /** How many chars of {@code text} fill at most {@code width} columns, a wide (CJK) character counting two. */
    static int fit(String text, int width) {
        int columns = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int w = wide(cp) ? 2 : 1;
            if (columns + w > width) {
                break;
            }
            columns += w;
            i += Character.charCount(cp);
        }
        return i;
    }

    static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
