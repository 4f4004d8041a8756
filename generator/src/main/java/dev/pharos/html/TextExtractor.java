package dev.pharos.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The readable text of an article split at its {@code h2}/{@code h3} headings, for the search index and
 * descriptions. Code blocks are left out (they drown the words people search for); inline code stays.
 */
final class TextExtractor {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td",
            "th", "blockquote", "aside", "details", "summary", "section", "figure", "figcaption", "br", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "thead", "tbody", "caption");

    private TextExtractor() {
    }

    static List<TextSection> sections(Element body) {
        List<TextSection> out = new ArrayList<>();
        String[] current = {"", ""};
        int[] level = {0};
        StringBuilder text = new StringBuilder();
        walk(body, text, out, current, level);
        flush(out, current, level[0], text);
        return out;
    }

    private static void walk(Element element, StringBuilder text, List<TextSection> out, String[] current, int[] level) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                text.append(t.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("pre") || tag.equals("script") || tag.equals("style") || e.hasClass("footnote-backref")) {
                    text.append(' ');
                    continue;
                }
                if ((tag.equals("h2") || tag.equals("h3")) && !e.id().isEmpty()) {
                    flush(out, current, level[0], text);
                    current[0] = e.id();
                    current[1] = e.text().strip();
                    level[0] = tag.charAt(1) - '0';
                    continue;
                }
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    text.append(' ');
                }
                walk(e, text, out, current, level);
                if (block) {
                    text.append(' ');
                }
            }
        }
    }

    private static void flush(List<TextSection> out, String[] current, int level, StringBuilder text) {
        String clean = collapseSpaces(text).strip();
        if (!clean.isEmpty() || !current[1].isEmpty()) {
            out.add(new TextSection(current[0], current[1], level, clean));
        }
        text.setLength(0);
    }

    /**
     * Each run of white space (what the regex {@code \s} matches) and no-break spaces as one space: what a
     * {@code replaceAll} did, without compiling its pattern for every section of every page.
     */
    static String collapseSpaces(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0') {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    /** The first {@code max} characters of the text, cut at a word boundary, with an ellipsis when cut. */
    static String excerpt(List<TextSection> sections, int max) {
        String all = sections.stream().map(TextSection::text).filter(t -> !t.isEmpty()).findFirst().orElse("");
        if (all.length() <= max) {
            return all;
        }
        int cut = max;
        int space = all.lastIndexOf(' ', max);
        if (space > max * 2 / 3) {
            cut = space;
        } else if (Character.isHighSurrogate(all.charAt(cut - 1))) {
            cut--;
        }
        return all.substring(0, cut).strip() + "…";
    }
}
