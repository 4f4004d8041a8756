package dev.pharos.markdown;

import dev.pharos.Problem;
import java.util.List;

/**
 * Caps how deeply block quotes and lists nest before flexmark sees the text.
 *
 * <p>Why: flexmark's parser and renderer (and jsoup after them) recurse once per nesting level, so an article with
 * 20,000 {@code >} markers or a list indented 3,000 levels deep overflows the thread's stack, whatever the stack
 * size, and used to end the whole build with a StackOverflowError. No help article needs more than a handful of
 * levels, so beyond {@link #MAX_DEPTH} the extra quote markers, list markers and indentation at the start of a
 * line are dropped: the text stays, at the deepest allowed level, and the writer gets one warning per page naming
 * the first such line.
 *
 * <p>The depth of a line is estimated from its start: each {@code >} is one level, each list marker ({@code -},
 * {@code *}, {@code +}, {@code 1.}, {@code 1)} followed by a space) is one, and every two columns of a run of two
 * or more spaces is one (a nested list item must be indented at least two columns past its parent). This never
 * counts fewer levels than flexmark builds, so flexmark never nests deeper than about {@code MAX_DEPTH} + 1.
 * Fenced code blocks at the top level are left alone: their lines are text, not structure.
 */
final class NestingLimit {

    /** Far more than any article uses, far less than what overflows a 512 KB thread stack. */
    static final int MAX_DEPTH = 100;

    private NestingLimit() {
    }

    /**
     * @param markdown  a page body
     * @param file      the page, for the warning
     * @param firstLine the file line the body starts on
     * @param problems  receives one warning when anything was capped
     * @return the body, the same instance when nothing nests too deeply
     */
    static String cap(String markdown, String file, int firstLine, List<Problem> problems) {
        StringBuilder out = null;
        int lineStart = 0;
        int lineIndex = 0;
        char fenceChar = 0;
        int fenceLength = 0;
        int length = markdown.length();
        while (lineStart <= length) {
            int newline = markdown.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? length : newline;

            int fence = fenceRun(markdown, lineStart, lineEnd);
            if (fenceChar == 0 && fence > 0) {
                fenceChar = markdown.charAt(firstNonSpace(markdown, lineStart, lineEnd));
                fenceLength = fence;
            } else if (fenceChar != 0) {
                int at = firstNonSpace(markdown, lineStart, lineEnd);
                if (fence >= fenceLength && markdown.charAt(at) == fenceChar
                        && markdown.substring(at + fence, lineEnd).isBlank()) {
                    fenceChar = 0;
                }
            } else {
                int keep = prefixKept(markdown, lineStart, lineEnd);
                if (keep >= 0) {
                    if (out == null) {
                        out = new StringBuilder(length);
                        out.append(markdown, 0, lineStart);
                        problems.add(Problem.warning(file, firstLine + lineIndex, "quotes or lists nest more than "
                                + MAX_DEPTH + " levels deep here; deeper levels are shown at level " + MAX_DEPTH
                                + ": nest less deeply"));
                    }
                    out.append(markdown, lineStart, keep);
                    int rest = endOfPrefix(markdown, keep, lineEnd);
                    if (rest < lineEnd) {
                        out.append(' ').append(markdown, rest, lineEnd);
                    }
                    if (newline >= 0) {
                        out.append('\n');
                    }
                    lineStart = lineEnd + 1;
                    lineIndex++;
                    continue;
                }
            }
            if (out != null) {
                out.append(markdown, lineStart, newline < 0 ? lineEnd : lineEnd + 1);
            }
            if (newline < 0) {
                break;
            }
            lineStart = lineEnd + 1;
            lineIndex++;
        }
        return out == null ? markdown : out.toString();
    }

    /**
     * Where the part of a line's start that stays within {@link #MAX_DEPTH} levels ends, or -1 when the whole line
     * is within it.
     */
    private static int prefixKept(String text, int start, int end) {
        int depth = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                int columns = 0;
                while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    columns += text.charAt(i) == '\t' ? 4 : 1;
                    if (columns >= 2 && depth + columns / 2 > MAX_DEPTH) {
                        return i;
                    }
                    i++;
                }
                if (columns >= 2) {
                    depth += columns / 2;
                }
                continue;
            }
            int marker = markerLength(text, i, end);
            if (marker == 0) {
                return -1;
            }
            if (depth + 1 > MAX_DEPTH) {
                return i;
            }
            depth++;
            i += marker;
        }
        return -1;
    }

    /** The end of the run of spaces, tabs, quote markers and list markers that starts at {@code i}. */
    private static int endOfPrefix(String text, int i, int end) {
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int marker = markerLength(text, i, end);
            if (marker == 0) {
                return i;
            }
            i += marker;
        }
        return i;
    }

    /** The length of a {@code >} or list marker at {@code i}, or 0 when there is none. */
    private static int markerLength(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == '>') {
            return 1;
        }
        if (c == '-' || c == '*' || c == '+') {
            return i + 1 == end || isSpace(text.charAt(i + 1)) ? 1 : 0;
        }
        int j = i;
        while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        if (j > i && j < end && (text.charAt(j) == '.' || text.charAt(j) == ')')
                && (j + 1 == end || isSpace(text.charAt(j + 1)))) {
            return j + 1 - i;
        }
        return 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** The length of a code fence ({@code ```} or {@code ~~~}, three or more) opening the line, or 0. */
    private static int fenceRun(String text, int start, int end) {
        int at = firstNonSpace(text, start, end);
        if (at - start > 3 || at >= end) {
            return 0;
        }
        char c = text.charAt(at);
        if (c != '`' && c != '~') {
            return 0;
        }
        int j = at;
        while (j < end && text.charAt(j) == c) {
            j++;
        }
        return j - at >= 3 ? j - at : 0;
    }

    private static int firstNonSpace(String text, int start, int end) {
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
