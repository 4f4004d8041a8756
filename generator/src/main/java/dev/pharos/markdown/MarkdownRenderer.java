package dev.pharos.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import dev.pharos.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to HTML with flexmark: CommonMark plus GFM tables, strikethrough, task lists and autolinks, footnotes,
 * definition lists and {@code !!! warning} admonitions. Links, images and headings carry a {@code data-line}
 * attribute with their source line, which the HTML stage uses for messages and then removes.
 *
 * <p>Thread-safe: one instance serves every page of a parallel build.
 */
public final class MarkdownRenderer {

    /** The attribute carrying a source line from this stage to the HTML stage. */
    public static final String LINE_ATTRIBUTE = "data-line";

    /** The file line a body starts on, carried on the document to the attribute provider. */
    private static final DataKey<Integer> FIRST_LINE = new DataKey<>("PHAROS_FIRST_LINE", 1);

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final MutableDataSet options;

    public MarkdownRenderer() {
        this(true, true, true);
    }

    /** As {@link #MarkdownRenderer()}, but with flexmark's own rendering of text nodes (for tests: {@link PlainText}). */
    static MarkdownRenderer withCoreTextRendering() {
        return new MarkdownRenderer(false, true, true);
    }

    /** As {@link #MarkdownRenderer()}, but with flexmark's autolink extension as it ships (tests: {@link Autolinks}). */
    static MarkdownRenderer withStockAutolinks() {
        return new MarkdownRenderer(true, false, true);
    }

    /** As {@link #MarkdownRenderer()}, but with flexmark's inline parser as it ships (tests: {@link QuickInlineParser}). */
    static MarkdownRenderer withStockInlineParser() {
        return new MarkdownRenderer(true, true, false);
    }

    private MarkdownRenderer(boolean plainText, boolean quickAutolinks, boolean quickInline) {
        options = new MutableDataSet();
        List<Extension> extensions = new ArrayList<>(List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                quickAutolinks ? Autolinks.create() : AutolinkExtension.create(),
                FootnoteExtension.create(),
                DefinitionExtension.create(),
                Admonitions.create()));
        if (plainText) {
            extensions.add(PlainText.create());
        }
        if (quickInline) {
            extensions.add(QuickInlineParser.create());
        }
        options.set(Parser.EXTENSIONS, extensions);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        // HTML is written without indentation, so flexmark's line formatting (prefixes, whitespace per character)
        // has nothing to do: passing text straight through renders a fifth faster, to the same bytes.
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH | LineAppendable.F_TRIM_LEADING_WHITESPACE);
        // Line numbers for data-line: without the document's line table, each lookup counts lines from the top.
        options.set(Parser.TRACK_DOCUMENT_LINES, true);
        // The admonition extension computes these defaults, reading resources from its jar, on every lookup: set
        // them once. No icons: the theme draws admonitions with CSS.
        options.set(AdmonitionExtension.QUALIFIER_TYPE_MAP, AdmonitionExtension.getQualifierTypeMap());
        options.set(AdmonitionExtension.QUALIFIER_TITLE_MAP, AdmonitionExtension.getQualifierTitleMap());
        options.set(AdmonitionExtension.TYPE_SVG_MAP, java.util.Map.of());
        options.toImmutable();
        parser = Parser.builder(options).build();
        // Built once: extensions load their resources when a renderer is built, which per page is costly.
        renderer = HtmlRenderer.builder(options)
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return new SourceLines(FIRST_LINE.get(context.getDocument()));
                    }
                })
                .build();
    }

    /**
     * Renders one page body.
     *
     * @param markdown  the text after the front matter
     * @param file      the file, for messages
     * @param firstLine the file line the text starts on
     * @param problems  receives warnings (unsupported Hugo shortcodes, nesting capped at {@link NestingLimit#MAX_DEPTH})
     */
    public String render(String markdown, String file, int firstLine, List<Problem> problems) {
        return renderWithSource(markdown, file, firstLine, problems).html();
    }

    /** A body as HTML, and what its Markdown twin needs of the same parse. */
    public record Rendered(String html, MarkdownText.Source source) {
    }

    /** As {@link #render}, also keeping the link destinations and raw HTML of the parsed document. */
    public Rendered renderWithSource(String markdown, String file, int firstLine, List<Problem> problems) {
        String capped = NestingLimit.cap(markdown, file, firstLine, problems);
        String expanded = Shortcodes.expand(capped, file, firstLine, problems);
        Document document = parser.parse(expanded);
        document.set(FIRST_LINE, firstLine);
        return new Rendered(renderer.render(document), MarkdownText.source(expanded, document));
    }

    private record SourceLines(int firstLine) implements AttributeProvider {
        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            if (part != AttributablePart.NODE && part != AttributablePart.LINK) {
                return;
            }
            if (node instanceof Link || node instanceof Image || node instanceof AutoLink || node instanceof LinkRef
                    || node instanceof ImageRef || node instanceof Heading) {
                attributes.replaceValue(LINE_ATTRIBUTE, String.valueOf(node.getLineNumber() + firstLine));
            }
        }
    }
}
