package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizerImpl;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The browser's tokenizer runs Lucene's own StandardTokenizer automaton: this test derives the theme's
 * {@code search/unicode.js} (automaton, character classes, CJK width tables) and {@code search/fold.js} (accent
 * folding) from the Lucene on the class path, and fails when the committed files differ, so a Lucene upgrade cannot
 * silently make the browser disagree with the index.
 *
 * <p>Regenerate with {@code mvn -pl generator test -Dtest=BrowserTablesTest -Dpharos.regenerate=true}.
 */
class BrowserTablesTest {

    static final Path SEARCH_JS = Path.of("..", "themes", "default", "assets", "js", "search");
    private static final String HEADER = "// Generated from Lucene " + org.apache.lucene.util.Version.LATEST
            + " by generator/src/test/java/dev/pharos/search/BrowserTablesTest.java. Do not edit:\n"
            + "// mvn -pl generator test -Dtest=BrowserTablesTest -Dpharos.regenerate=true\n";
    private static final String CLASS_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+-./:;<=>?@[]^_{|}~";
    static final List<String> TYPES = List.of("<ALPHANUM>", "<NUM>", "<SOUTHEAST_ASIAN>", "<IDEOGRAPHIC>",
            "<HIRAGANA>", "<KATAKANA>", "<HANGUL>", "<EMOJI>");

    @Test
    void unicodeTablesMatchLucene() throws Exception {
        check("unicode.js", unicodeModule());
    }

    @Test
    void foldTableMatchesLucene() throws Exception {
        check("fold.js", foldModule());
    }

    private static void check(String name, String expected) throws IOException {
        Path file = SEARCH_JS.resolve(name);
        if (Boolean.getBoolean("pharos.regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
                .as(name + " is out of date with Lucene; regenerate it (see this test's comment)")
                .isEqualTo(expected);
    }

    private static int[] table(String name) throws ReflectiveOperationException {
        Field f = StandardTokenizerImpl.class.getDeclaredField(name);
        f.setAccessible(true);
        return (int[]) f.get(null);
    }

    static String unicodeModule() throws Exception {
        int[] top = table("ZZ_CMAP_TOP");
        int[] blocks = table("ZZ_CMAP_BLOCKS");
        int[] rowMap = table("ZZ_ROWMAP");
        int[] trans = table("ZZ_TRANS");
        int[] attribute = table("ZZ_ATTRIBUTE");
        int[] action = table("ZZ_ACTION");
        int[] lexState = table("ZZ_LEXSTATE");
        assertThat(lexState[0]).isZero();

        // Character classes as runs over every code point: class letter, then run length in base 36.
        StringBuilder runs = new StringBuilder();
        int classes = 0;
        int[] representative = new int[256];
        Arrays.fill(representative, -1);
        int previous = -1;
        int length = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int cls = blocks[top[cp >> 8] | (cp & 0xFF)];
            classes = Math.max(classes, cls + 1);
            if (representative[cls] < 0 && !Character.isSurrogate((char) cp)) {
                representative[cls] = cp;
            }
            if (cls != previous) {
                if (previous >= 0) {
                    runs.append(CLASS_ALPHABET.charAt(previous)).append(Integer.toString(length, 36));
                }
                previous = cls;
                length = 0;
            }
            length++;
        }
        runs.append(CLASS_ALPHABET.charAt(previous)).append(Integer.toString(length, 36));
        assertThat(classes).isLessThanOrEqualTo(CLASS_ALPHABET.length());

        // What each accepting state returns: the token type, or -1 for "skip this character".
        int states = rowMap.length;
        int[] stateType = new int[states];
        Arrays.fill(stateType, -2);
        Map<Integer, Integer> typeOfAction = new LinkedHashMap<>();
        String[] path = shortestPaths(rowMap, trans, classes, representative, states);
        for (int s = 0; s < states; s++) {
            if ((attribute[s] & 1) == 0) {
                continue;
            }
            int a = action[s];
            if (!typeOfAction.containsKey(a)) {
                typeOfAction.put(a, luceneType(path[s]));
            }
            stateType[s] = typeOfAction.get(a);
        }

        StringBuilder js = new StringBuilder(HEADER);
        js.append("// Lucene's StandardTokenizer (UAX#29 words) as tables: the browser runs the same automaton.\n");
        js.append("export const TYPES = ").append(json(TYPES)).append(";\n");
        js.append("// Character class runs over all code points: a class letter, then the run length in base 36.\n");
        js.append("export const CLASS_LETTERS = ").append(json(CLASS_ALPHABET.substring(0, classes))).append(";\n");
        js.append("export const CLASS_RUNS = ").append(json(runs.toString())).append(";\n");
        js.append("export const CLASSES = ").append(classes).append(";\n");
        js.append("export const ROWMAP = ").append(Arrays.toString(rowMap).replace(" ", "")).append(";\n");
        js.append("export const TRANS = ").append(Arrays.toString(trans).replace(" ", "")).append(";\n");
        js.append("// Bit 1: accepting; bit 8: stop at once.\n");
        js.append("export const ATTRIBUTE = ").append(Arrays.toString(attribute).replace(" ", "")).append(";\n");
        js.append("// Per accepting state: index in TYPES, or -1 to skip the matched character(s).\n");
        js.append("export const STATE_TYPE = ").append(Arrays.toString(stateType).replace(" ", "")).append(";\n");
        js.append("// Longer words are cut into pieces of this many UTF-16 units.\n");
        js.append("export const MAX_TOKEN_LENGTH = ").append(org.apache.lucene.analysis.standard.StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH).append(";\n");
        appendWidthTables(js);
        js.append("// Code units (ranges) ASCIIFoldingFilter changes: a query without them needs no fold table.\n");
        js.append("export const FOLD_RANGES = ").append(json(foldRanges())).append(";\n");
        return js.toString();
    }

    /** For each state, a shortest input reaching it from the start state, using one character per class. */
    private static String[] shortestPaths(int[] rowMap, int[] trans, int classes, int[] representative, int states) {
        String[] path = new String[states];
        path[0] = "";
        Deque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int c = 0; c < classes; c++) {
                if (representative[c] < 0) {
                    continue;
                }
                int next = trans[rowMap[s] + c];
                if (next >= 0 && path[next] == null) {
                    path[next] = path[s] + new String(Character.toChars(representative[c]));
                    queue.add(next);
                }
            }
        }
        return path;
    }

    /** The type Lucene gives a string accepted as one token, or -1 when it emits nothing for it. */
    private static int luceneType(String text) throws IOException {
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
            tokenizer.reset();
            int result = -1;
            if (tokenizer.incrementToken()) {
                assertThat(term.toString()).as("probe " + text).isEqualTo(text);
                result = TYPES.indexOf(type.type());
                assertThat(result).isNotNegative();
            }
            tokenizer.end();
            return result;
        }
    }

    private static void appendWidthTables(StringBuilder js) throws IOException {
        StringBuilder kana = new StringBuilder();
        for (char c = 0xFF65; c <= 0xFF9F; c++) {
            String out = width(String.valueOf(c));
            assertThat(out).hasSize(1);
            kana.append(out);
        }
        StringBuilder voiced = new StringBuilder();
        StringBuilder semiVoiced = new StringBuilder();
        for (char k = 0x30A6; k <= 0x30FD; k++) {
            String v = width(k + "\uFF9E");
            voiced.append(v.length() == 1 ? v.charAt(0) : k);
            String h = width(k + "\uFF9F");
            semiVoiced.append(h.length() == 1 ? h.charAt(0) : k);
        }
        js.append("// CJKWidthFilter: half-width katakana U+FF65..U+FF9F as full-width, and katakana U+30A6..U+30FD\n");
        js.append("// combined with a following half-width (semi-)voiced sound mark (itself unchanged when it does not combine).\n");
        js.append("export const HALF_KANA = ").append(json(kana.toString())).append(";\n");
        js.append("export const VOICED = ").append(json(voiced.toString())).append(";\n");
        js.append("export const SEMI_VOICED = ").append(json(semiVoiced.toString())).append(";\n");
    }

    private static String width(String text) throws IOException {
        Tokenizer source = new KeywordTokenizer();
        source.setReader(new StringReader(text));
        try (TokenStream stream = new CJKWidthFilter(source)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            assertThat(stream.incrementToken()).isTrue();
            String out = term.toString();
            stream.end();
            return out;
        }
    }

    private static String fold(char c) {
        char[] out = new char[8];
        int n = ASCIIFoldingFilter.foldToASCII(new char[] {c}, 0, out, 0, 1);
        return new String(out, 0, n);
    }

    private static List<int[]> foldRanges() {
        List<int[]> ranges = new ArrayList<>();
        for (int c = 0x80; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c) || fold((char) c).equals(String.valueOf((char) c))) {
                continue;
            }
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && c - last[1] <= 16) {
                last[1] = c;
            } else {
                ranges.add(new int[] {c, c});
            }
        }
        return ranges;
    }

    static String foldModule() throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        for (int c = 0x80; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String f = fold((char) c);
            if (!f.equals(String.valueOf((char) c))) {
                map.put(String.valueOf((char) c), f);
            }
        }
        return HEADER + "// ASCIIFoldingFilter: each changed UTF-16 code unit and its replacement (loaded only when a query needs it).\n"
                + "export const FOLD = " + json(map) + ";\n";
    }

    private static String json(Object value) throws IOException {
        return new ObjectMapper().writeValueAsString(value);
    }
}
