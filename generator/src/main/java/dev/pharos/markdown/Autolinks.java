package dev.pharos.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * flexmark's autolink extension (bare {@code https://…}, {@code www.…} and e-mail addresses become links), with a
 * quick look at each text first. Its post-processor unescapes and scans every text node of a page, a fifth of all
 * parsing time; only a text with a {@code :/}, an {@code @} or a {@code www} can hold a link.
 */
final class Autolinks implements Parser.ParserExtension {

    static Autolinks create() {
        return new Autolinks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /**
     * True when a text could hold a URL, a {@code www.} address or an e-mail address: autolink finds a URL only
     * where a {@code :} is followed by {@code //}, and flexmark then links a bare {@code scheme://} too; both read
     * the text with its backslash escapes removed, so backslashes may stand between the {@code :} and the {@code /}.
     * Many texts hold a colon ("Note:"), few a link.
     */
    static boolean mayHoldLink(CharSequence text) {
        // A text node is usually a slice of the page's String: read that String, not the slice's virtual charAt,
        // which the quick compiler the launcher runs does not inline (this check was 1 % of a build's CPU).
        if (text instanceof SubSequence slice && slice.getBase() instanceof String base) {
            return mayHoldLink(base, slice.getStartOffset(), slice.getEndOffset());
        }
        String whole = text.toString();
        return mayHoldLink(whole, 0, whole.length());
    }

    private static boolean mayHoldLink(String text, int from, int to) {
        int w = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c == ':') {
                int next = i + 1;
                while (next < to && text.charAt(next) == '\\') {
                    next++;
                }
                if (next < to && text.charAt(next) == '/') {
                    return true;
                }
            }
            w = c == 'w' || c == 'W' ? w + 1 : 0;
            if (w == 3) {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor inner = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    // A following entity or typographic text is read together with this text, as flexmark does.
                    Node next = node.getNext();
                    BasedSequence chars = node.getChars();
                    if (mayHoldLink(chars) || next instanceof HtmlEntity || next instanceof TypographicText) {
                        inner.process(state, node);
                    }
                }
            };
        }
    }
}
