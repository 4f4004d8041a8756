package dev.pharos.markdown;

import static dev.pharos.markdown.SameRendering.html;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PlainText} must give the bytes flexmark's core renderer gives, on any text. */
class PlainTextTest {

    private final MarkdownRenderer quick = new MarkdownRenderer();
    private final MarkdownRenderer core = MarkdownRenderer.withCoreTextRendering();

    @ParameterizedTest
    @ValueSource(strings = {
        "Plain words, nothing to escape.",
        "Fees < 1 USDT > 0, \"quoted\" & done",
        "Entities: &amp; &lt;b&gt; &#35; &#x41; &copy; &nbsp; &unknown; AT&T",
        "An entity that becomes markup: &lt;script&gt; and &quot;",
        "Escapes: \\*not emphasis\\*, \\[not a link\\], \\\\ and \\< \\&",
        "Windows lines\r\nstay one paragraph\r\nwith soft breaks\rand a lone CR",
        "A NUL \0 in the middle",
        "充值未到账？请提供 UID、订单号 & 截图 <重要>",
        "Mixed *emphasis with <angle> & \"quote\"* and `code < & >` and [a \"link\"](https://x.example/?a=1&b=2)",
        "- list item with & and <\n- second \\# item\n\n> quote &amp; <\n\n| a & b | c < d |\n|---|---|\n| \\| | &gt; |",
        "Autolink https://example.com/?q=a&b=\"c\" then text & more",
        "Trailing backslash \\",
        "",
        "```java\nif (a < b && c > \"d\") { return; }\n```",
        "~~~ shell {.line-numbers} \n$ curl -H 'X: &amp;' https://x\n~~~",
        "```\nno language, \\* not an escape, &copy; not an entity\n\n\nblank lines above\n```",
        "```yaml\r\nkey: value\r\nother: <v>\r\n```\r\n",
        "- item\n\n  ```go\n  func f() {\n      return\n  }\n  ```\n- next",
        "> quoted\n> ```\n> a < b\n> ```",
        "```\n```",
        "```py\nunclosed < fence",
        "```\nNUL \0 in code\n```",
        "Spans: `a  <b>\n  c` and ``x ` y`` and `  padded  ` and `&amp;` and `\\*`",
        "`\0` and `tab\there`",
    })
    void givesTheCoreRenderersBytes(String markdown) {
        assertThat(html(quick, markdown)).isEqualTo(html(core, markdown));
    }

    /** Every page of both real corpora (English and Chinese, raw HTML, shortcodes, tables): the same bytes. */
    @Test
    void givesTheCoreRenderersBytesOnEveryPageOfTheCorpora() throws IOException {
        int withEntitiesOrEscapes = SameRendering.onEveryPageOfTheCorpora(quick, core,
                (markdown, html) -> markdown.contains("&") || markdown.contains("\\"));
        assertThat(withEntitiesOrEscapes).isGreaterThan(100);
    }
}
