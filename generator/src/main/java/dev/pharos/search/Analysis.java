package dev.pharos.search;

import dev.pharos.content.LocaleInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The text analysis of one locale's index, built from Lucene's own analyzers so the index means what Lucene means.
 *
 * <p>Every chain starts the same way: UAX#29 words ({@link StandardTokenizer}), full-width forms folded
 * ({@link CJKWidthFilter}), lower case, accents folded ({@link ASCIIFoldingFilter}), and Chinese, Japanese and Korean
 * runs cut into overlapping bigrams ({@link CJKBigramFilter}). Bigrams need no dictionary, so the browser reproduces
 * them exactly; dictionary segmenters disagree with each other and with the browser. The output of this common
 * part is a <em>surface</em>: what a reader types, normalized. A per-token step then turns a surface into the indexed
 * <em>term</em>: for {@code english}, possessive {@code 's} removed, stop words dropped, Porter stemming; for
 * {@code cjk}, the stop words of Lucene's CJKAnalyzer dropped; for {@code standard}, nothing.
 *
 * <p>Because that step is per token, the complete chain equals "surfaces, then term of each surface";
 * {@link #full()} is the complete Lucene chain the agreement tests compare against.
 */
public final class Analysis {

    /** The analyzers a locale may choose in {@code pharos.yml}: {@code locales[].analyzer}. */
    public enum Kind {
        ENGLISH, CJK, STANDARD;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String name) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(name.strip())) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        /** The configured analyzer, else one by language: en → english; zh, ja, ko → cjk; others → standard. */
        public static Kind of(LocaleInfo locale) {
            if (locale.analyzer() != null) {
                Optional<Kind> chosen = parse(locale.analyzer());
                if (chosen.isPresent()) {
                    return chosen.get();
                }
            }
            return switch (locale.language()) {
                case "en" -> ENGLISH;
                case "zh", "ja", "ko" -> CJK;
                default -> STANDARD;
            };
        }
    }

    private final Kind kind;
    private final CharArraySet stopWords;
    private final Analyzer surfaces;
    private final Analyzer full;
    private final Analyzer perToken;
    private final Map<String, String> terms = new ConcurrentHashMap<>();

    public Analysis(Kind kind) {
        this.kind = kind;
        this.stopWords = switch (kind) {
            case ENGLISH -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case CJK -> CJKAnalyzer.getDefaultStopSet();
            case STANDARD -> CharArraySet.EMPTY_SET;
        };
        this.surfaces = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, surfaceChain(source));
            }
        };
        this.full = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, termChain(surfaceChain(source)));
            }
        };
        this.perToken = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, termChain(source));
            }
        };
    }

    private static TokenStream surfaceChain(Tokenizer source) {
        TokenStream chain = new CJKWidthFilter(source);
        chain = new LowerCaseFilter(chain);
        chain = new ASCIIFoldingFilter(chain);
        return new CJKBigramFilter(chain);
    }

    private TokenStream termChain(TokenStream chain) {
        if (kind == Kind.ENGLISH) {
            chain = new EnglishPossessiveFilter(chain);
        }
        if (!stopWords.isEmpty()) {
            chain = new StopFilter(chain, stopWords);
        }
        if (kind == Kind.ENGLISH) {
            chain = new PorterStemFilter(chain);
        }
        return chain;
    }

    public Kind kind() {
        return kind;
    }

    /** The stop words, sorted, for the browser (which drops them the same way). */
    public List<String> stopWords() {
        List<String> out = new ArrayList<>();
        for (Object word : stopWords) {
            out.add(new String((char[]) word));
        }
        out.sort(null);
        return out;
    }

    /**
     * Words a reader puts around what they are looking for ("how do I", "为什么", "一直"): the browser makes them
     * optional, so a page is not ranked up for answering "how" rather than "withdraw". As analyzed terms.
     */
    public List<String> optionalWords() {
        String words = switch (kind) {
            case ENGLISH -> "how what why when where which who whom whose do does did doing done can cannot can't could "
                    + "should would may might must shall i i'm me my mine myself we our you your yours he she his her "
                    + "its us them get got getting still just please help hi hello thanks want wants need needs "
                    + "happen happened happens mean means tell know anyone someone something anything here now "
                    + "very really much many some any";
            // Phrases as a reader writes them: 要多久 also makes "要多" optional, the bigram that joins 要 to 多久.
            case CJK -> "怎么 怎么办 怎么回事 怎样 如何 为什么 为何 为啥 什么 是什么 有什么 多久 要多久 多少 要多少 多长 几天 "
                    + "哪里 哪个 哪些 是否 是不是 能否 可以 能不能 可不可以 "
                    + "一直 还是 没有 我的 我们 你们 请问 一下 一些 问题 情况 需要 现在 还有 已经 了吗 了 吗 呢 吧 啊 的";
            case STANDARD -> "";
        };
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String w : words.split(" ")) {
            if (!w.isEmpty()) {
                out.addAll(terms(w));
            }
        }
        return new ArrayList<>(out);
    }

    /** The complete Lucene chain (surfaces and terms in one), the reference the browser must agree with. */
    public Analyzer full() {
        return full;
    }

    /** Calls {@code out} with each surface of a text, in order. */
    public void surfaces(String text, Consumer<String> out) {
        tokens(surfaces, text, out);
    }

    /** Receives a token as the analyzer's own buffer, which is reused for the next token. */
    @FunctionalInterface
    public interface Chars {
        void accept(char[] buffer, int length);
    }

    /**
     * As {@link #surfaces(String, Consumer)}, without a String per token: for the index build, which looks each
     * surface up in a table of those it has seen (most tokens of a site are words it has seen before).
     */
    public void surfaceChars(String text, Chars out) {
        try (TokenStream stream = surfaces.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.accept(term.buffer(), term.length());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader never fails
        }
    }

    /** The surfaces of a text, in order. */
    public List<String> surfaces(String text) {
        List<String> out = new ArrayList<>();
        surfaces(text, out::add);
        return out;
    }

    /** The terms of a text through the complete chain, in order. */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        tokens(full, text, out::add);
        return out;
    }

    /** The indexed term of a surface, or null when it is a stop word. Memoized: a site has a bounded vocabulary. */
    public String term(String surface) {
        String known = terms.get(surface);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        List<String> out = new ArrayList<>(1);
        tokens(perToken, surface, out::add);
        String term = out.isEmpty() ? "" : out.get(0);
        terms.put(surface, term);
        return term.isEmpty() ? null : term;
    }

    private static void tokens(Analyzer analyzer, String text, Consumer<String> out) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.accept(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader never fails
        }
    }
}
