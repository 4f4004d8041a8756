package dev.pharos.markdown;

import dev.pharos.Problem;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo shortcodes in Markdown that came from a Hugo site: {@code {{< name args >}}...{{< /name >}}} and the
 * {@code {{% %}}} form.
 *
 * <p>A few built-ins are understood ({@code relref}/{@code ref} become the referenced path, which link rewriting
 * then turns into a page URL; {@code highlight} becomes a fenced code block; {@code figure} an image). Any other
 * shortcode keeps its inner text and gets one warning, so a migrated site builds instead of failing. Fenced code
 * is left alone, as are {@code {{placeholders}}} that are not shortcodes (tldr's). Line count is preserved so
 * later messages point at the right line.
 */
final class Shortcodes {

    /**
     * A tag up to its name; the arguments are scanned by hand ({@link #argumentsEnd}). A single regex for the whole
     * tag ({@code ((?:[^>%"]|"[^"]*")*?)} for the arguments) recursed once per character and overflowed the stack
     * on an unclosed tag followed by a long text, and went back over the rest of the page for every unclosed tag.
     */
    private static final Pattern TAG_START = Pattern.compile("\\{\\{([<%])\\s*(/\\*)?\\s*(/?)\\s*([\\w./-]+)");
    /** A tag's arguments longer than this are not a tag: no shortcode needs them, and it keeps scanning linear. */
    private static final int MAX_ARGUMENTS = 2_000;
    private static final Pattern ARG = Pattern.compile("(?:(\\w+)=)?(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    private static final Set<String> PASS_THROUGH_QUIETLY = Set.of("relref", "ref", "highlight", "figure");

    private Shortcodes() {
    }

    static String expand(String markdown, String file, int firstLine, List<Problem> problems) {
        if (!markdown.contains("{{<") && !markdown.contains("{{%")) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length());
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        StringBuilder chunk = new StringBuilder();
        int chunkStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceMatcher = FENCE.matcher(line);
            boolean isFence = fenceMatcher.find();
            if (fence == null && isFence) {
                out.append(replace(chunk.toString(), file, firstLine + chunkStart, problems));
                chunk.setLength(0);
                fence = fenceMatcher.group(1);
                out.append(line).append(i < lines.length - 1 ? "\n" : "");
            } else if (fence != null) {
                out.append(line).append(i < lines.length - 1 ? "\n" : "");
                if (isFence && fenceMatcher.group(1).charAt(0) == fence.charAt(0)
                        && fenceMatcher.group(1).length() >= fence.length() && line.strip().length() == fenceMatcher.group(1).length()) {
                    fence = null;
                    chunkStart = i + 1;
                }
            } else {
                if (chunk.length() == 0) {
                    chunkStart = i;
                }
                chunk.append(line).append(i < lines.length - 1 ? "\n" : "");
            }
        }
        out.append(replace(chunk.toString(), file, firstLine + chunkStart, problems));
        return out.toString();
    }

    private static String replace(String text, String file, int firstLine, List<Problem> problems) {
        Matcher m = TAG_START.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int line = firstLine;
        int counted = 0;
        while (m.find()) {
            int end = argumentsEnd(text, m.end());
            if (end < 0) {
                continue;
            }
            out.append(text, last, m.start());
            line += newlines(text, counted, m.start());
            counted = m.start();
            String whole = text.substring(m.start(), end + 3);
            boolean escaped = m.group(2) != null;
            boolean closing = !m.group(3).isEmpty();
            String name = m.group(4);
            String args = stripCommentEnd(text.substring(m.end(), end));
            String replacement;
            if (escaped) {
                // {{</* name */>}} is how Hugo writers show a shortcode literally.
                replacement = "{{" + m.group(1) + (closing ? " /" : " ") + name + (args.isEmpty() ? "" : " " + args) + " "
                        + (m.group(1).equals("<") ? ">" : "%") + "}}";
            } else if (closing) {
                replacement = name.equals("highlight") ? "```" : "";
            } else {
                replacement = open(name, args, file, line, problems);
            }
            out.append(replacement);
            // Keep line numbers: a tag that spanned lines leaves its newlines behind.
            long newlines = whole.chars().filter(c -> c == '\n').count() - replacement.chars().filter(c -> c == '\n').count();
            for (long n = 0; n < newlines; n++) {
                out.append('\n');
            }
            last = end + 3;
            m.region(last, text.length());
        }
        out.append(text.substring(last));
        return out.toString();
    }

    /**
     * Where the arguments starting at {@code from} end: the index of the {@code >} or {@code %} that closes the tag
     * with {@code }}}, or -1 when this is not a tag (a {@code >} or {@code %} outside quotes not followed by
     * {@code }}}, an unclosed quote, or no end within {@link #MAX_ARGUMENTS}).
     */
    private static int argumentsEnd(String text, int from) {
        int limit = Math.min(text.length(), from + MAX_ARGUMENTS);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0 || close >= limit) {
                    return -1;
                }
                i = close;
            } else if (c == '>' || c == '%') {
                return text.startsWith("}}", i + 1) ? i : -1;
            }
        }
        return -1;
    }

    /** Arguments without the spaces, and the comment close of an escaped tag, before the tag end. */
    private static String stripCommentEnd(String args) {
        String stripped = args.strip();
        return stripped.endsWith("*/") ? stripped.substring(0, stripped.length() - 2).strip() : stripped;
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static String open(String name, String args, String file, int line, List<Problem> problems) {
        List<String[]> parsed = arguments(args);
        switch (name) {
            case "relref", "ref" -> {
                return parsed.isEmpty() ? "" : parsed.get(0)[1];
            }
            case "highlight" -> {
                return "```" + (parsed.isEmpty() ? "" : parsed.get(0)[1]);
            }
            case "figure" -> {
                String src = named(parsed, "src");
                String alt = named(parsed, "alt");
                String caption = named(parsed, "caption");
                return "![" + (alt.isEmpty() ? caption : alt) + "](" + src + ")";
            }
            default -> {
                if (!PASS_THROUGH_QUIETLY.contains(name)) {
                    problems.add(Problem.warning(file, line, "Hugo shortcode '" + name
                            + "' is not supported; its inner text is shown as is"));
                }
                return "";
            }
        }
    }

    private static List<String[]> arguments(String args) {
        List<String[]> out = new java.util.ArrayList<>();
        Matcher m = ARG.matcher(args);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            if (value != null) {
                out.add(new String[] {m.group(1) == null ? "" : m.group(1), value});
            }
        }
        return out;
    }

    private static String named(List<String[]> args, String key) {
        return args.stream().filter(a -> a[0].equals(key)).map(a -> a[1]).findFirst().orElse("");
    }
}
