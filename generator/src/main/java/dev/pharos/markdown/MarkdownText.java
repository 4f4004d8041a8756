package dev.pharos.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;

/**
 * A page body as Markdown for machines (the Markdown twins and {@code llms-full.txt}): the text as the writer wrote
 * it, with Hugo shortcodes expanded as the HTML build expands them, link and image destinations rewritten by the
 * caller (relative {@code .md} links become page URLs), and raw HTML removed (tags dropped, their text kept) unless
 * the site trusts HTML. Everything else, down to the writer's spacing, is left alone.
 *
 * <p>Thread-safe.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    private record Edit(int start, int end, String text) {
    }

    /**
     * What a twin needs of a parsed body: its text (shortcodes expanded) and where its link destinations and raw
     * HTML are. The HTML build makes one from the document it renders, so a body is parsed once. Immutable.
     */
    public record Source(String text, List<Destination> destinations, List<Span> html) {
        public Source {
            destinations = List.copyOf(destinations);
            html = List.copyOf(html);
        }
    }

    /** A link, image or reference destination: where it is, as written, unescaped, and whether it is in {@code <…>}. */
    public record Destination(int start, int end, String written, String unescaped, boolean angled) {
    }

    /** Raw HTML: a block (replaced by its text) or an inline tag (removed). */
    public record Span(int start, int end, boolean block) {
    }

    /** The destinations and raw HTML of a document parsed from {@code text}. */
    public static Source source(String text, Node document) {
        List<Destination> destinations = new ArrayList<>();
        List<Span> html = new ArrayList<>();
        new NodeVisitor(
                new VisitHandler<>(Link.class, link -> destination(link.getUrl(), destinations)),
                new VisitHandler<>(Image.class, image -> destination(image.getUrl(), destinations)),
                new VisitHandler<>(Reference.class, ref -> destination(ref.getUrl(), destinations)),
                new VisitHandler<>(HtmlBlock.class, block -> html.add(span(block, true))),
                new VisitHandler<>(HtmlCommentBlock.class, block -> html.add(span(block, true))),
                new VisitHandler<>(HtmlInnerBlock.class, block -> html.add(span(block, true))),
                new VisitHandler<>(HtmlInnerBlockComment.class, block -> html.add(span(block, true))),
                new VisitHandler<>(HtmlInline.class, tag -> html.add(span(tag, false))),
                new VisitHandler<>(HtmlInlineComment.class, tag -> html.add(span(tag, false))))
                .visit(document);
        return new Source(text, destinations, html);
    }

    private static void destination(BasedSequence url, List<Destination> out) {
        if (url.isEmpty()) {
            return;
        }
        boolean angled = url.getStartOffset() > 0 && url.getBaseSequence().charAt(url.getStartOffset() - 1) == '<';
        out.add(new Destination(url.getStartOffset(), url.getEndOffset(), url.toString(), url.unescape(), angled));
    }

    private static Span span(Node node, boolean block) {
        return new Span(node.getChars().getStartOffset(), node.getChars().getEndOffset(), block);
    }

    /**
     * The body for readers, from the parse the HTML build made of it ({@link MarkdownRenderer#renderWithSource}):
     * a body is parsed once per build.
     *
     * @param trustedHtml keep raw HTML as written ({@code markdown.trustedHtml: true})
     * @param rewrite     the new destination of a link or image as written, or null to keep it
     */
    public static String forReaders(Source source, boolean trustedHtml, UnaryOperator<String> rewrite) {
        String text = source.text();
        List<Edit> edits = new ArrayList<>();
        for (Destination d : source.destinations()) {
            String replaced = rewrite.apply(d.written());
            if (replaced == null && !d.written().equals(d.unescaped())) {
                replaced = rewrite.apply(d.unescaped());
            }
            if (replaced == null || replaced.equals(d.written())) {
                continue;
            }
            // A destination with spaces or unbalanced parentheses must be written in <...>.
            String shown = !d.angled() && replaced.matches(".*[\\s()<>].*") ? "<" + replaced.replace(">", "%3E") + ">" : replaced;
            edits.add(new Edit(d.start(), d.end(), shown));
        }
        if (!trustedHtml) {
            for (Span span : source.html()) {
                edits.add(span.block() ? htmlBlock(text, span) : new Edit(span.start(), span.end(), ""));
            }
        }
        if (edits.isEmpty()) {
            return text;
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Edit edit : edits) {
            if (edit.start() < at) {
                continue; // inside an edit already made
            }
            out.append(text, at, edit.start()).append(edit.text());
            at = edit.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** A raw HTML block becomes its text (what a reader of the page sees of it, scripts and styles left out). */
    private static Edit htmlBlock(String text, Span span) {
        String shown = Jsoup.parseBodyFragment(text.substring(span.start(), span.end())).body().text().strip();
        return new Edit(span.start(), span.end(), shown.isEmpty() ? "" : shown + "\n");
    }
}
