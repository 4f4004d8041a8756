package dev.pharos.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's CommonMark inline parser, without a copy of the paragraph per match. Its {@code match} keeps each match
 * with {@code Matcher.toMatchResult()}, which on Java 17 turns the whole input into a String first: a paragraph's
 * text is copied, character by character, for every code span, link and link label in it. That was 3 % of a
 * build's CPU on the cloudwego corpus. This {@code match} reads the same offsets from the matcher itself.
 * ({@code matchWithGroups} copies too, but neither flexmark's parsers nor the extensions Pharos uses call it.)
 *
 * <p>flexmark adds its link reference definitions only beside its own inline parser, so this extension adds them
 * too, under the same option ({@link Parser#REFERENCE_PARAGRAPH_PRE_PROCESSOR}).
 */
final class QuickInlineParser implements Parser.ParserExtension {

    static QuickInlineParser create() {
        return new QuickInlineParser();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserFactory(Inline::new);
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(builder)) {
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
        }
    }

    private static final class Inline extends InlineParserImpl {

        Inline(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                List<InlineParserExtensionFactory> extensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
        }

        @Override
        public BasedSequence match(Pattern re) {
            if (index >= input.length()) {
                return null;
            }
            Matcher matcher = re.matcher(input);
            matcher.region(index, input.length());
            if (!matcher.find()) {
                return null;
            }
            index = matcher.end();
            return input.subSequence(matcher.start(), matcher.end());
        }
    }
}
