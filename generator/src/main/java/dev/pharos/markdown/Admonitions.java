package dev.pharos.markdown;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.admonition.internal.AdmonitionBlockParser;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * flexmark's admonition extension ({@code !!! note}, {@code ??? tip}), with a quick look at the line before its
 * block parser runs. That parser compiles a regular expression for every line that could start a block, which made
 * it the costliest part of parsing a page; only lines that start with {@code !!!} or {@code ???} can start one.
 */
final class Admonitions implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final AdmonitionExtension extension = AdmonitionExtension.create();

    static Admonitions create() {
        return new Admonitions();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        extension.parserOptions(options);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new MarkerFirst(new AdmonitionBlockParser.Factory()));
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        extension.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        extension.extend(builder, rendererType);
    }

    static boolean startsWithMarker(ParserState state) {
        BasedSequence line = state.getLine();
        int at = state.getNextNonSpaceIndex();
        if (line.length() < at + 3) {
            return false;
        }
        char first = line.charAt(at);
        return (first == '!' || first == '?') && line.charAt(at + 1) == first && line.charAt(at + 2) == first;
    }

    private record MarkerFirst(CustomBlockParserFactory inner) implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory factory = inner.apply(options);
            return (state, matched) -> startsWithMarker(state) ? factory.tryStart(state, matched) : BlockStart.none();
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return inner.getLeadInHandler(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return inner.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return inner.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return inner.affectsGlobalScope();
        }
    }
}
