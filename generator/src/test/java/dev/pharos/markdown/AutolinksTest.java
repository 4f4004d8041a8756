package dev.pharos.markdown;

import static dev.pharos.markdown.SameRendering.html;
import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Autolinks} must link exactly what flexmark's autolink extension links, only quicker. */
class AutolinksTest {

    private final MarkdownRenderer quick = new MarkdownRenderer();
    private final MarkdownRenderer stock = MarkdownRenderer.withStockAutolinks();

    @ParameterizedTest
    @ValueSource(strings = {
        "Open https://help.example.com/en/deposits/ and http://x.example?a=1&b=2.",
        "Escaped slashes still link: http:\\/\\/example.com/path and https:\\/x.example",
        "Escaped colon: https\\://example.com",
        "Only a scheme http:// then words, and custom+scheme://host",
        "Write to support@example.com or to a.b+c@sub.example.org.",
        "Visit www.example.com, WWW.EXAMPLE.COM or wwww.example.com",
        "Note: no link here; time 12:30; ratio 1:2; C:\\\\Users\\\\x and a:\\\\/b",
        "Entity slashes http:&#47;&#47;example.com and mail&#64;example.com",
        "ftp://files.example.com/a.zip and mailto:x@example.com",
        "In a list:\n\n- https://a.example\n- no: link\n\n> quote www.b.example",
        "`https://in.code.example` stays code, [a link](https://c.example) stays one",
        "",
    })
    void linksWhatFlexmarkLinks(String markdown) {
        assertThat(html(quick, markdown)).isEqualTo(html(stock, markdown));
    }

    @Test
    void aColonAloneIsNoReasonToLook() {
        assertThat(Autolinks.mayHoldLink("Note: time 12:30")).isFalse();
        assertThat(Autolinks.mayHoldLink("https://x")).isTrue();
        assertThat(Autolinks.mayHoldLink("http:\\/\\/x")).isTrue();
        assertThat(Autolinks.mayHoldLink("a@b")).isTrue();
        assertThat(Autolinks.mayHoldLink("www.x")).isTrue();
    }

    /** A text node's characters are a slice of the page: only the slice counts, not the page around it. */
    @Test
    void aSliceOfThePageIsReadWithinItsBounds() {
        BasedSequence page = BasedSequence.of("Mail a@b, see https://x or www.y: 12:30 Note:");
        assertThat(Autolinks.mayHoldLink(page.subSequence(34, 45))).as("12:30 Note:").isFalse();
        assertThat(Autolinks.mayHoldLink(page.subSequence(9, 17))).as("see http, no colon").isFalse();
        assertThat(Autolinks.mayHoldLink(page.subSequence(14, 22))).as("https://").isTrue();
        assertThat(Autolinks.mayHoldLink(page.subSequence(5, 8))).as("a@b").isTrue();
        assertThat(Autolinks.mayHoldLink(page.subSequence(27, 30))).as("www").isTrue();
        assertThat(Autolinks.mayHoldLink(page.subSequence(19, 20))).as("the colon of https, alone").isFalse();
    }

    /** Every page of both real corpora: the same bytes as with flexmark's extension, and links among them. */
    @Test
    void linksWhatFlexmarkLinksOnEveryPageOfTheCorpora() throws IOException {
        int autolinked = SameRendering.onEveryPageOfTheCorpora(quick, stock,
                (markdown, html) -> html.contains("<a href=\"http") && !markdown.contains("](http"));
        assertThat(autolinked).isGreaterThan(10);
    }
}
