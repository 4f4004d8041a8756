package dev.pharos.search;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The text of an instant answer: a FAQ answer (or an article's summary) as the search box shows it above the
 * results. Plain text, since the browser inserts it as text; the little formatting a short answer needs survives as
 * text: paragraphs are separated by a blank line, list items start a line with "• " (or their number), table rows
 * are lines with their cells joined by " · ".
 */
final class Answers {

    /** Display columns kept of an answer, a wide (CJK) character counting two, as for excerpts. */
    static final int WIDTH = 300;

    private static final Set<String> PARAGRAPHS = Set.of("p", "div", "blockquote", "aside", "pre", "table", "dl",
            "h2", "h3", "h4", "h5", "h6", "figure", "details", "section", "hr");
    private static final Set<String> SKIPPED = Set.of("script", "style", "img", "svg", "template");

    private Answers() {
    }

    /** The answer shown for FAQ answer HTML: its text with light formatting, cut to {@link #WIDTH} columns. */
    static String ofHtml(String html) {
        return cut(text(html), WIDTH);
    }

    /** The answer shown for an article's plain-text summary. */
    static String ofText(String text) {
        return cut(text.replaceAll("[\\s\\u00A0]+", " ").strip(), WIDTH);
    }

    /** The text of answer HTML with its formatting kept as text (not cut). */
    static String text(String html) {
        Text out = new Text();
        walk(Jsoup.parseBodyFragment(html).body(), out, 0);
        return out.toString();
    }

    /**
     * Text being written. A break asked for is written only before the next word, so none trails or doubles; a list
     * item's marker waits for the item's first word.
     */
    private static final class Text {
        private final StringBuilder out = new StringBuilder();
        /** 0: none, 1: line, 2: paragraph. */
        private int pendingBreak;
        private String pendingPrefix = "";
        private boolean space;

        void paragraph() {
            if (pendingPrefix.isEmpty()) {
                pendingBreak = 2;
            }
        }

        /** A new line, starting with {@code prefix}: a list item (also right after a paragraph) or a table row. */
        void line(String prefix) {
            pendingBreak = 1;
            pendingPrefix = prefix;
        }

        void words(String text) {
            String t = text.replaceAll("[\\s\\u00A0]+", " ");
            if (t.startsWith(" ")) {
                space = true;
                t = t.substring(1);
            }
            if (t.isEmpty()) {
                return;
            }
            boolean trailing = t.endsWith(" ");
            if (trailing) {
                t = t.substring(0, t.length() - 1);
            }
            if (out.length() > 0 && pendingBreak > 0) {
                out.append(pendingBreak == 2 ? "\n\n" : "\n");
            } else if (space && out.length() > 0) {
                out.append(' ');
            }
            out.append(pendingPrefix).append(t);
            pendingBreak = 0;
            pendingPrefix = "";
            space = trailing;
        }

        @Override
        public String toString() {
            return out.toString().strip();
        }
    }

    private static void walk(Element element, Text out, int depth) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                out.words(t.getWholeText());
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (SKIPPED.contains(tag) || e.hasClass("footnote-backref") || e.hasClass("footnotes")) {
                    continue;
                }
                switch (tag) {
                    case "br" -> out.line("");
                    case "ul", "ol" -> {
                        int number = tag.equals("ol") ? Math.max(1, parseStart(e.attr("start"))) : 0;
                        for (Element item : e.children()) {
                            if (item.normalName().equals("li")) {
                                String indent = "  ".repeat(depth);
                                out.line(indent + (number > 0 ? number++ + ". " : "• "));
                                walk(item, out, depth + 1);
                            }
                        }
                        out.paragraph();
                    }
                    case "tr" -> {
                        out.line("");
                        boolean first = true;
                        for (Element cell : e.children()) {
                            if (!first) {
                                out.words(" · ");
                            }
                            walk(cell, out, depth);
                            first = false;
                        }
                    }
                    case "dt", "dd" -> {
                        out.line("");
                        walk(e, out, depth);
                    }
                    default -> {
                        boolean block = PARAGRAPHS.contains(tag);
                        if (block) {
                            out.paragraph();
                        }
                        walk(e, out, depth);
                        if (block) {
                            out.paragraph();
                        }
                    }
                }
            }
        }
    }

    private static int parseStart(String start) {
        try {
            return start.isEmpty() ? 1 : Integer.parseInt(start.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * The first {@code width} columns of a text, cut after a whole word when there is one in the last third, with an
     * ellipsis when cut. A cut never leaves a list marker or punctuation hanging before the ellipsis.
     */
    static String cut(String text, int width) {
        String t = text.strip();
        int i = Excerpts.fit(t, width);
        if (i >= t.length()) {
            return t;
        }
        int cut = i;
        if (!Excerpts.wide(t.codePointBefore(i)) && !Character.isWhitespace(t.charAt(i))) {
            int space = Math.max(t.lastIndexOf(' ', i), t.lastIndexOf('\n', i));
            if (space > i * 2 / 3) {
                cut = space;
            }
        }
        String head = t.substring(0, cut).stripTrailing();
        // A cut just after a list marker, or in a line break, leaves nothing of that line worth showing.
        head = head.replaceAll("(\\n\\s*(•|\\d+\\.)?)+$", "").replaceAll("[\\s,;:·•(（、，；：]+$", "");
        return head + "…";
    }
}
