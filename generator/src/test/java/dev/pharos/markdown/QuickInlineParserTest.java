package dev.pharos.markdown;

import static dev.pharos.markdown.SameRendering.html;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link QuickInlineParser} parses as flexmark's own inline parser does, byte for byte. */
class QuickInlineParserTest {

    private final MarkdownRenderer quick = new MarkdownRenderer();
    private final MarkdownRenderer stock = MarkdownRenderer.withStockInlineParser();

    @ParameterizedTest
    @ValueSource(strings = {
        "Run `pharos build` then ``a ` b`` and an unclosed ` backtick, and ```three``` of them.",
        "[inline](https://x.example/a \"title\") [ref][id] [collapsed][] [shortcut] ![img](a.png 'alt')\n\n"
            + "[id]: https://ref.example/\n[collapsed]: /c\n[shortcut]: <https://s.example/> \"T\"",
        "[a link with spaces]( https://x.example/a%20b  (paren title) ) and [broken](",
        "Text[^1] with a footnote.\n\n[^1]: The note, with `code` and [a link](/x).",
        "<span class=\"x\">inline html</span> <!-- comment --> <https://auto.example> <mail@example.com>",
        "| `a|b` | [l](/x) |\n|---|---|\n| ``c`` | d |\n\n[ref]: /in-a-table",
        "Term\n: Definition with `code` and [ref]\n\n[ref]: /r",
        "Nested [a [b] c](/x) and [not closed and \\[escaped\\] and [ ](empty) and [](nothing)",
        "**bold `code` bold** _em [link](/l) em_ ~~strike~~ - [ ] task",
        "中文段落里有 `代码` 和 [链接](/zh/x) 还有 [引用]\n\n[引用]: /zh/ref",
        "",
    })
    void parsesAsFlexmarksOwnParser(String markdown) {
        assertThat(html(quick, markdown)).isEqualTo(html(stock, markdown));
    }

    /** Reference definitions still work: flexmark adds them only beside its own parser, this extension adds them. */
    @Test
    void linkReferenceDefinitionsAreStillDefinitions() {
        String html = html(quick, "See [the fees][fees].\n\n[fees]: /en/fees/ \"Fees\"");
        assertThat(html).contains("<a href=\"/en/fees/\" title=\"Fees\"").doesNotContain("[fees]:");
    }

    /** Every page of both real corpora: the same bytes as with flexmark's parser. */
    @Test
    void parsesEveryPageOfTheCorporaAsFlexmarkDoes() throws IOException {
        int withCode = SameRendering.onEveryPageOfTheCorpora(quick, stock, (markdown, html) -> html.contains("<code>"));
        assertThat(withCode).isGreaterThan(1_000);
    }
}
