package dev.pharos.content;

import dev.pharos.Problem;
import dev.pharos.internal.ConfigReader;
import dev.pharos.internal.HeadingAttributes;
import dev.pharos.internal.Slugs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a page's error codes: the {@code codes} front matter key and the {@code {codes=…}} blocks of its headings. */
final class CodeReader {

    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    private CodeReader() {
    }

    /**
     * @param article false for home and section pages, which cannot claim codes (a warning if they try)
     */
    static List<ErrorCode> read(String file, ConfigReader values, String body, int bodyLine, boolean article,
            List<Problem> problems) {
        Map<String, ErrorCode> out = new LinkedHashMap<>();
        if (values.has("codes")) {
            int line = values.line("codes");
            for (String written : values.strings("codes")) {
                add(file, written, "", line, out, problems);
            }
        }
        // Most pages have no {#anchor codes=…} block at all: a look for one is cheaper than a pass over every line.
        String[] lines = mayHaveHeadingBlocks(body) ? body.split("\n", -1) : new String[0];
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            Matcher f = FENCE.matcher(text);
            if (f.find()) {
                String marker = f.group(1);
                if (fence == null) {
                    fence = marker;
                } else if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()
                        && text.strip().equals(marker)) {
                    fence = null;
                }
                continue;
            }
            if (fence != null) {
                continue;
            }
            Matcher h = ATX.matcher(text);
            if (!h.matches()) {
                continue;
            }
            Optional<HeadingAttributes.Block> block = HeadingAttributes.parse(h.group(1));
            if (block.isEmpty()) {
                continue;
            }
            int line = bodyLine + i;
            HeadingAttributes.Block b = block.get();
            for (String word : b.unknown()) {
                problems.add(Problem.warning(file, line, "unknown heading attribute '" + word
                        + "': Pharos understands {#anchor codes=CODE1,CODE2}; it is ignored"));
            }
            String anchor = b.id().isEmpty() ? Slugs.anchor(plain(b.text())) : b.id();
            for (String written : b.codes()) {
                add(file, written, anchor, line, out, problems);
            }
        }
        if (!article && !out.isEmpty()) {
            ErrorCode first = out.values().iterator().next();
            problems.add(Problem.warning(file, first.line(), "error codes on a section or home page are ignored;"
                    + " put them on the article that explains the error"));
            return List.of();
        }
        return List.copyOf(out.values());
    }

    private static void add(String file, String written, String anchor, int line, Map<String, ErrorCode> out,
            List<Problem> problems) {
        if (!ErrorCode.isValid(written.strip())) {
            problems.add(Problem.error(file, line, "error code '" + written + "' is not valid: use letters, digits,"
                    + " '_', '-' and '.', starting with a letter or digit (at most 64), such as E1023 or WD-LIMIT"));
            return;
        }
        String code = ErrorCode.canonical(written);
        ErrorCode previous = out.get(code);
        if (previous != null) {
            problems.add(Problem.error(file, line, "error code " + code + " is named twice in this file (also on line "
                    + previous.line() + "); keep one"));
            return;
        }
        out.put(code, new ErrorCode(code, anchor, line));
    }

    /** False when no line can end in a heading block: none has a '{' followed by '#' or 'codes='. */
    static boolean mayHaveHeadingBlocks(String body) {
        for (int at = body.indexOf('{'); at >= 0; at = body.indexOf('{', at + 1)) {
            int i = at + 1;
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i < body.length() && (body.charAt(i) == '#' || body.regionMatches(true, i, "codes=", 0, 6))) {
                return true;
            }
        }
        return false;
    }

    /** A heading's text as readers see it, near enough for its anchor: links to their text, emphasis marks dropped. */
    static String plain(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        return text.replaceAll("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", "").replace("\\", "");
    }

    /** A code claimed by two pages of one locale: an error on the second, naming the first. */
    static void checkDuplicates(List<Page> pages, List<Problem> problems) {
        Map<String, Map<String, Claim>> byLocale = new TreeMap<>();
        List<Page> sorted = new ArrayList<>(pages);
        sorted.sort(java.util.Comparator.comparing((Page p) -> p.source() == null ? "" : p.source()));
        for (Page page : sorted) {
            for (ErrorCode code : page.codes()) {
                Claim claim = new Claim(page, code);
                Claim first = byLocale.computeIfAbsent(page.locale(), l -> new TreeMap<>()).putIfAbsent(code.code(), claim);
                if (first != null) {
                    problems.add(Problem.error(page.source(), code.line(), "error code " + code.code()
                            + " is also claimed by " + first.page().source() + ":" + first.code().line()
                            + "; a code leads to one place per language, so remove it from one of them"));
                }
            }
        }
    }

    private record Claim(Page page, ErrorCode code) {
    }
}
