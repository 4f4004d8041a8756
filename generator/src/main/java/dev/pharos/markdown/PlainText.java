package dev.pharos.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.CoreNodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Set;

/**
 * Renders text nodes, code spans and fenced code blocks to the bytes flexmark's core renderer gives them, but skips
 * each of its passes over their text (unescaping, line-ending normalization, HTML escaping) when the text holds
 * nothing that pass would change, and copies the text out of the document at once. The core renderer runs every
 * pass on every such node, the escaping through a regular expression and the rest character by character through
 * the parsed document: on the 10x corpus, text nodes were a quarter of the HTML renderer's time, and the passes over
 * code (whole files of it at a time) another fifth, once text nodes took the quicker way.
 *
 * <p>Code spans and code blocks are written with the core renderer's tags, attributes and source positions, in its
 * order; with an option that changes how the core renderer writes them, they are left to it.
 */
final class PlainText implements HtmlRenderer.HtmlRendererExtension {

    static PlainText create() {
        return new PlainText();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        // Factories added by extensions take precedence over the core renderer's for the same node type.
        builder.nodeRendererFactory(TextRenderer::new);
    }

    private static final class TextRenderer implements NodeRenderer {
        /** Whether code spans and fenced code blocks are written as the core renderer writes them by default. */
        private final boolean plainCode;

        TextRenderer(DataHolder options) {
            HtmlRendererOptions html = new HtmlRendererOptions(options);
            plainCode = !Parser.FENCED_CODE_CONTENT_BLOCK.get(options) && !Parser.CODE_SOFT_LINE_BREAKS.get(options)
                    && html.codeStyleHtmlOpen == null && html.codeStyleHtmlClose == null
                    && !html.sourcePositionParagraphLines;
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Text.class, TextRenderer::render),
                    new NodeRenderingHandler<>(Code.class, this::render),
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::render));
        }

        private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
            String text = string(node.getChars());
            boolean escaped = false;
            boolean carriageReturn = false;
            for (int i = 0; i < text.length(); i++) {
                switch (text.charAt(i)) {
                    case '\\', '&' -> escaped = true;
                    case '\r' -> carriageReturn = true;
                    default -> {
                    }
                }
            }
            if (escaped) {
                text = Escaping.unescapeString(text);
            }
            if (carriageReturn) {
                text = Escaping.normalizeEOL(text);
            }
            html.raw(escape(text));
        }

        /** A code span: its text with runs of white space made one space, and trimmed. */
        private void render(Code node, NodeRendererContext context, HtmlWriter html) {
            if (!plainCode) {
                context.delegateRender();
                return;
            }
            html.srcPos(node.getText()).withAttr().tag("code");
            html.raw(escape(Escaping.collapseWhitespace(string(node.getText()), true)));
            html.tag("/code");
        }

        /** A fenced code block: {@code <pre><code class="language-x">}, its lines as they are. */
        private void render(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
            if (!plainCode) {
                context.delegateRender();
                return;
            }
            HtmlRendererOptions options = context.getHtmlOptions();
            html.line();
            html.srcPosWithTrailingEOL(node.getChars()).withAttr().tag("pre").openPre();
            // The class is an attribute of the <code> tag that follows.
            BasedSequence info = node.getInfo();
            if (info.isNotNull() && !info.isBlank()) {
                String language = node.getInfoDelimitedByAny(options.languageDelimiterSet).unescape();
                html.attr("class", options.languageClassMap.getOrDefault(language,
                        options.languageClassPrefix + language));
            } else if (!options.noLanguageClass.trim().isEmpty()) {
                html.attr("class", options.noLanguageClass.trim());
            }
            html.srcPosWithEOL(node.getContentChars()).withAttr(CoreNodeRenderer.CODE_CONTENT).tag("code");
            String code = string(node.getContentChars());
            html.raw(escape(code.indexOf('\r') < 0 ? code : Escaping.normalizeEOL(code)));
            html.tag("/code");
            html.tag("/pre").closePre();
            html.lineIf(options.htmlBlockCloseTagEol);
        }
    }

    /**
     * The characters of a sequence. For a plain slice of the document this copies the slice at once, instead of
     * flexmark's character-by-character copy; flexmark shows a NUL character as U+FFFD, so such text takes its way.
     */
    private static String string(BasedSequence chars) {
        if (chars instanceof SubSequence slice && slice.getBase() instanceof String base) {
            String text = base.substring(slice.getStartOffset(), slice.getEndOffset());
            if (text.indexOf('\0') < 0) {
                return text;
            }
        }
        return chars.toString();
    }

    /**
     * {@code &}, {@code <}, {@code >} and {@code "} as entities, the bytes flexmark's {@code Escaping.escapeHtml}
     * writes (jsoup's escaper also encodes no-break spaces, unbescape's apostrophes), in one pass, not a regex.
     */
    private static String escape(String text) {
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"';
    }
}
