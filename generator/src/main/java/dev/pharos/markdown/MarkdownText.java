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
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
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

    /** The block structure the HTML build sees (admonition bodies and footnotes hold links too). */
    private static final Parser PARSER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), FootnoteExtension.create(), DefinitionExtension.create(),
                Admonitions.create()));
        PARSER = Parser.builder(options.toImmutable()).build();
    }

    private MarkdownText() {
    }

    private record Edit(int start, int end, String text) {
    }

    /**
     * @param markdown    the body after the front matter
     * @param trustedHtml keep raw HTML as written ({@code markdown.trustedHtml: true})
     * @param rewrite     the new destination of a link or image as written, or null to keep it
     */
    public static String forReaders(String markdown, boolean trustedHtml, UnaryOperator<String> rewrite) {
        // The HTML build has already reported unknown shortcodes; these are the same, so they are not repeated.
        String text = Shortcodes.expand(markdown, "", 1, new ArrayList<>());
        List<Edit> edits = new ArrayList<>();
        Node document = PARSER.parse(text);
        List<VisitHandler<?>> handlers = new ArrayList<>();
        handlers.add(new VisitHandler<>(Link.class, link -> destination(link.getUrl(), rewrite, edits)));
        handlers.add(new VisitHandler<>(Image.class, image -> destination(image.getUrl(), rewrite, edits)));
        handlers.add(new VisitHandler<>(Reference.class, ref -> destination(ref.getUrl(), rewrite, edits)));
        if (!trustedHtml) {
            handlers.add(new VisitHandler<>(HtmlBlock.class, block -> edits.add(htmlBlock(block))));
            handlers.add(new VisitHandler<>(HtmlCommentBlock.class, block -> edits.add(htmlBlock(block))));
            handlers.add(new VisitHandler<>(HtmlInnerBlock.class, block -> edits.add(htmlBlock(block))));
            handlers.add(new VisitHandler<>(HtmlInnerBlockComment.class, block -> edits.add(htmlBlock(block))));
            handlers.add(new VisitHandler<>(HtmlInline.class, tag -> edits.add(remove(tag))));
            handlers.add(new VisitHandler<>(HtmlInlineComment.class, tag -> edits.add(remove(tag))));
        }
        new NodeVisitor(handlers.toArray(VisitHandler[]::new)).visit(document);
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

    private static void destination(BasedSequence url, UnaryOperator<String> rewrite, List<Edit> edits) {
        if (url.isEmpty()) {
            return;
        }
        String written = url.toString();
        String replaced = rewrite.apply(written);
        if (replaced == null && !written.equals(url.unescape())) {
            replaced = rewrite.apply(url.unescape());
        }
        if (replaced == null || replaced.equals(written)) {
            return;
        }
        // A destination with spaces or unbalanced parentheses must be written in <...>.
        boolean angled = url.getStartOffset() > 0 && url.getBaseSequence().charAt(url.getStartOffset() - 1) == '<';
        String text = !angled && replaced.matches(".*[\\s()<>].*") ? "<" + replaced.replace(">", "%3E") + ">" : replaced;
        edits.add(new Edit(url.getStartOffset(), url.getEndOffset(), text));
    }

    /** A raw HTML block becomes its text (what a reader of the page sees of it, scripts and styles left out). */
    private static Edit htmlBlock(Node block) {
        BasedSequence chars = block.getChars();
        String text = Jsoup.parseBodyFragment(chars.toString()).body().text().strip();
        return new Edit(chars.getStartOffset(), chars.getEndOffset(), text.isEmpty() ? "" : text + "\n");
    }

    private static Edit remove(Node tag) {
        return new Edit(tag.getChars().getStartOffset(), tag.getChars().getEndOffset(), "");
    }
}
