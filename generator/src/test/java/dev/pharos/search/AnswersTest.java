package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text of instant answers: formatting kept as text, and the cut. */
class AnswersTest {

    @Test
    void paragraphsAreSeparatedAndListItemsGetMarkers() {
        String html = """
                <p>Yes, while its status is <strong>Submitted</strong>.</p>
                <p>To cancel:</p>
                <ul>
                  <li>Open <em>Assets</em> &gt; History.</li>
                  <li>Tap <code>Cancel</code>.</li>
                </ul>
                <ol start="3"><li><p>Loose item.</p></li><li>Next.</li></ol>
                <p>Done&nbsp;then.</p>""";
        assertThat(Answers.text(html)).isEqualTo("""
                Yes, while its status is Submitted.

                To cancel:
                • Open Assets > History.
                • Tap Cancel.
                3. Loose item.
                4. Next.

                Done then.""");
    }

    @Test
    void nestedListsAreIndentedAndTableRowsAreLines() {
        String html = "<ul><li>Crypto<ul><li>BTC</li><li>ETH</li></ul></li><li>Fiat</li></ul>"
                + "<table><thead><tr><th>Network</th><th>Confirmations</th></tr></thead>"
                + "<tbody><tr><td>Bitcoin</td><td>2</td></tr></tbody></table>";
        assertThat(Answers.text(html)).isEqualTo("• Crypto\n  • BTC\n  • ETH\n• Fiat\nNetwork · Confirmations\nBitcoin · 2");
    }

    @Test
    void scriptsImagesAndMarkupNeverBecomeText() {
        String html = "<p>See <img src=x alt=\"chart\"><script>alert(1)</script>the <a href=\"/x\">table</a>&lt;b&gt;.</p>";
        assertThat(Answers.text(html)).isEqualTo("See the table<b>.");
    }

    @Test
    void aShortAnswerIsKeptWhole() {
        assertThat(Answers.ofHtml("<p>Yes.</p>")).isEqualTo("Yes.");
        assertThat(Answers.ofText("  Most withdrawals\n leave within 5 minutes. ")).isEqualTo("Most withdrawals leave within 5 minutes.");
        assertThat(Answers.ofText("")).isEmpty();
    }

    @Test
    void aLongAnswerIsCutAtAWordWithAnEllipsis() {
        String words = "withdrawal ".repeat(40).strip(); // 439 characters
        String cut = Answers.ofText(words);
        assertThat(cut).endsWith("withdrawal…").hasSizeLessThanOrEqualTo(Answers.WIDTH + 1);
        assertThat(cut.length()).isGreaterThan(Answers.WIDTH * 2 / 3);
        // One long word: cut inside it rather than keep nothing.
        assertThat(Answers.cut("x".repeat(500), 300)).hasSize(301).endsWith("x…");
    }

    @Test
    void aCutNeverEndsOnAListMarkerOrPunctuation() {
        String text = "a".repeat(290) + ",\n• secondary items run past the end";
        assertThat(Answers.cut(text, 300)).isEqualTo("a".repeat(290) + "…");
        assertThat(Answers.cut("Steps:\n• " + "b".repeat(295), 300)).isEqualTo("Steps:\n• " + "b".repeat(291) + "…");
    }

    @Test
    void chineseCountsTwoColumnsACharacterAndIsCutAnywhere() {
        String zh = "提币审核通常在三十分钟内完成。".repeat(30);
        String cut = Answers.ofText(zh);
        assertThat(cut).endsWith("…");
        assertThat(cut.codePointCount(0, cut.length()) - 1).isEqualTo(Answers.WIDTH / 2);
    }
}
