package dev.pharos.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final List<Problem> problems = new ArrayList<>();

    private String render(String markdown) {
        return renderer.render(markdown, "en/x.md", 5, problems);
    }

    @Test
    void gfmTablesStrikethroughTaskListsAndAutolinks() {
        String html = render("""
                | Network | Fee |
                |---|--:|
                | TRC20 | 1.5 |

                ~~old fee~~ see https://status.tidewell.example now

                - [ ] UID
                - [x] TxID
                """);
        assertThat(html).contains("<table>", "<th>Network</th>", "<td align=\"right\">1.5</td>")
                .contains("<del>old fee</del>")
                .contains("<a href=\"https://status.tidewell.example\"")
                .contains("type=\"checkbox\"", "checked=\"checked\"");
    }

    @Test
    void footnotesDefinitionsAndFencedCodeKeepTheLanguage() {
        String html = render("""
                Fees change[^1].

                [^1]: Announced a month ahead.

                TxID
                : The transaction hash.

                ```Python
                print("hi")
                ```
                """);
        assertThat(html).contains("class=\"footnote-ref\"", "Announced a month ahead.")
                .contains("<dt>TxID</dt>", "<dd>The transaction hash.</dd>")
                .contains("<code class=\"language-Python\">");
    }

    @Test
    void linksImagesAndHeadingsCarryTheirSourceLine() {
        String html = render("Intro\n\n## Steps\n\nSee [fees](fees.md) and ![chart](chart.png).\n");
        // The body starts on file line 5: the link is on body line 5, so file line 9.
        assertThat(html).contains("<h2 data-line=\"7\">Steps</h2>")
                .contains("<a href=\"fees.md\" data-line=\"9\">fees</a>")
                .contains("<img src=\"chart.png\" alt=\"chart\" data-line=\"9\"");
    }

    @Test
    void bothAdmonitionSyntaxesAreParsed() {
        String html = render("!!! warning \"Check the network\"\n    Wrong network, lost funds.\n\n> [!TIP]\n> Copy the address.\n");
        assertThat(html).contains("adm-block adm-warning", "Check the network", "Wrong network, lost funds.")
                .contains("<blockquote>", "[!TIP]");
    }

    @Test
    void unknownHugoShortcodesKeepTheirTextWithOneWarningEach() {
        String html = render("""
                {{< card header="Fast" >}}
                Cards **work**.
                {{< /card >}}

                {{% codetab %}}
                Tab text.
                {{% /codetab %}}

                See [the guide]({{< relref "guide.md" >}}).

                ```
                {{< card >}} stays in code
                ```
                """);
        assertThat(html).contains("Cards <strong>work</strong>.", "Tab text.", "<a href=\"guide.md\"")
                .contains("{{&lt; card &gt;}} stays in code")
                .doesNotContain("header=");
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "en/x.md:5: warning: Hugo shortcode 'card' is not supported; its inner text is shown as is",
                "en/x.md:9: warning: Hugo shortcode 'codetab' is not supported; its inner text is shown as is");
    }

    @Test
    void doubleBracePlaceholdersThatAreNotShortcodesStayLiteral() {
        String html = render("- Extract: `tar xf {{path/to/file.tar}}`\n- Or {{placeholder}} in text\n");
        assertThat(html).contains("{{path/to/file.tar}}", "{{placeholder}}");
        assertThat(problems).isEmpty();
    }
}
