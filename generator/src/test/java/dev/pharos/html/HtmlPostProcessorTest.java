package dev.pharos.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Problem;
import dev.pharos.TestSites;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.Page;
import dev.pharos.content.Site;
import dev.pharos.markdown.MarkdownRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPostProcessorTest {

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    @BeforeEach
    void site() throws Exception {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        TestSites.at(dir)
                .file("pharos.yml", "locales: [en, zh-CN]\n")
                .page("en/fees/withdrawal-fees.md", "title: Withdrawal fees", "## Network fees\n\nText.\n")
                .page("zh-CN/fees/withdrawal-fees.md", "title: 提币手续费", "## 网络手续费\n\n文本。\n")
                .page("en/fees/only-english.md", "title: Only English", "## Part\n")
                .bytes("en/guides/chart.png", png.toByteArray())
                .file("en/guides/flow.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 300 150'/>")
                .page("en/guides/guide.md", "title: Guide", "x")
                .page("zh-CN/guides/guide.md", "title: 指南", "x");
    }

    private ProcessedHtml process(String pageId, String markdown, boolean trusted) {
        if (trusted) {
            TestSites.at(dir).file("pharos.yml", "locales: [en, zh-CN]\nmarkdown:\n  trustedHtml: true\n");
        }
        Site site = ContentLoader.load(dir, new ContentLoader.Options(false, TestSites.TODAY));
        String[] parts = pageId.split(":");
        Page page = site.page(parts[0], parts[1]).orElseThrow();
        String html = new MarkdownRenderer().render(markdown, page.source(), 4, problems);
        return new HtmlPostProcessor(site).process(page, html, key -> "[" + key + "]", problems);
    }

    @Test
    void rawHtmlIsSanitizedWithOneWarning() {
        ProcessedHtml out = process("en:guides/guide", """
                <div onclick="steal()">Keep <b>this</b> <a href="javascript:steal()">raw</a></div>
                <script>alert(1)</script>
                <iframe src="https://evil.example"></iframe>

                [x](javascript:alert(1))
                """, false);
        assertThat(out.html()).contains("Keep <b>this</b>").doesNotContain("onclick", "<script", "<iframe", "javascript:");
        assertThat(problems).extracting(Problem::toString).singleElement().asString()
                .startsWith("en/guides/guide.md:")
                .contains("raw HTML removed: <iframe>, <script>, event handlers (onclick), javascript: links");
    }

    @Test
    void rawHtmlWarningNamesTheLineItStartsOn() {
        String body = "First line.\n\nThird line.\n\n<iframe src=\"https://evil.example\"></iframe>\n\nLast.\n";
        TestSites.at(dir).page("en/guides/raw.md", "title: Raw", body);
        process("en:guides/raw", body, false);
        // Three lines of front matter, then the body: its fifth line is the file's eighth.
        assertThat(problems).extracting(Problem::toString).singleElement().asString()
                .startsWith("en/guides/raw.md:8:").contains("raw HTML removed: <iframe>");
    }

    @Test
    void trustedHtmlIsKept() {
        ProcessedHtml out = process("en:guides/guide", "<iframe src=\"https://video.example/1\"></iframe>\n", true);
        assertThat(out.html()).contains("<iframe src=\"https://video.example/1\">");
        assertThat(problems).isEmpty();
    }

    @Test
    void headingsGetStableUniqueAnchorsAndANestedToc() {
        ProcessedHtml out = process("en:guides/guide", """
                ## Network fees (ERC20)
                ### Why so high?
                ## Network fees (ERC20)
                ## 网络手续费
                """, false);
        assertThat(out.html()).contains("<h2 id=\"network-fees-erc20\">", "<h3 id=\"why-so-high\">",
                "<h2 id=\"network-fees-erc20-1\">", "<h2 id=\"网络手续费\">");
        assertThat(out.toc()).extracting(TocEntry::id)
                .containsExactly("network-fees-erc20", "network-fees-erc20-1", "网络手续费");
        assertThat(out.toc().get(0).children()).extracting(TocEntry::text).containsExactly("Why so high?");
        assertThat(out.html()).doesNotContain("data-line");
    }

    @Test
    void bothAdmonitionSyntaxesBecomeOneShapeWithLocalizedTitles() {
        ProcessedHtml out = process("en:guides/guide", """
                !!! warning
                    Wrong network, lost funds.

                !!! tip "Copy it"
                    Use the button.

                > [!CAUTION]
                > Scammers pose as staff.
                """, false);
        assertThat(out.html())
                .contains("<aside class=\"admonition admonition-warning\" role=\"note\"><p class=\"admonition-title\">[admonition.warning]</p>")
                .contains("<p class=\"admonition-title\">Copy it</p>")
                .contains("<aside class=\"admonition admonition-caution\" role=\"note\"><p class=\"admonition-title\">[admonition.caution]</p>")
                .contains("Scammers pose as staff.")
                .doesNotContain("[!CAUTION]", "<svg", "adm-block", "<blockquote>");
    }

    @Test
    void markdownLinksBecomePageUrlsInTheReadersLanguage() {
        ProcessedHtml en = process("en:guides/guide",
                "[fees](../fees/withdrawal-fees.md#network-fees) [only](../fees/only-english.md) [img](chart.png)\n", false);
        assertThat(en.html()).contains("href=\"/en/fees/withdrawal-fees/#network-fees\"", "href=\"/en/fees/only-english/\"",
                "href=\"/en/guides/chart.png\"");
        ProcessedHtml zh = process("zh-CN:guides/guide", "[费用](../fees/withdrawal-fees.md#网络手续费) [only](../fees/only-english.md)\n", false);
        assertThat(zh.html()).contains("href=\"/zh-CN/fees/withdrawal-fees/#网络手续费\"")
                // No Chinese translation: the fallback page under zh-CN.
                .contains("href=\"/zh-CN/fees/only-english/\"");
        assertThat(problems).isEmpty();
    }

    @Test
    void linksToNothingAreWarningsWithTheirLine() {
        process("en:guides/guide", "Intro\n\nSee [gone](missing.md) and ![x](nope.png)\n", false);
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "en/guides/guide.md:6: warning: link to 'missing.md' points to no page; check the path (it is relative to this file)",
                "en/guides/guide.md:6: warning: image 'nope.png' not found; put the file beside the article or fix the path");
    }

    @Test
    void imagesGetLazyLoadingAndTheirSize() {
        ProcessedHtml out = process("en:guides/guide", "![chart](chart.png)\n\n![flow](flow.svg)\n", false);
        assertThat(out.html())
                .contains("src=\"/en/guides/chart.png\"", "width=\"640\"", "height=\"360\"")
                .contains("src=\"/en/guides/flow.svg\"", "width=\"300\"", "height=\"150\"")
                .contains("loading=\"lazy\"", "decoding=\"async\"");
    }

    @Test
    void externalLinksGetNoopener() {
        ProcessedHtml out = process("en:guides/guide", "[status](https://status.tidewell.example) [mail](mailto:a@b.example)\n", false);
        assertThat(out.html()).contains("<a href=\"https://status.tidewell.example\" rel=\"noopener\">")
                .contains("<a href=\"mailto:a@b.example\">");
    }

    @Test
    void faqPagesSplitIntoQuestionsAndSearchTextSkipsCodeBlocks() {
        TestSites.at(dir).page("en/guides/faq.md", "title: FAQ\ntype: faq", "x");
        ProcessedHtml out = process("en:guides/faq", """
                Answers to common questions.

                ## Why is my withdrawal pending?

                Most are reviewed **within 30 minutes**.

                ```bash
                curl secret-code-sample
                ```

                ## Can I cancel it?

                Only while it says *Pending*.
                """, false);
        assertThat(out.introHtml()).contains("Answers to common questions.").doesNotContain("pending?");
        assertThat(out.faq()).extracting(FaqEntry::id).containsExactly("why-is-my-withdrawal-pending", "can-i-cancel-it");
        assertThat(out.faq().get(0).answerHtml()).contains("<strong>within 30 minutes</strong>");
        assertThat(out.faq().get(1).answerText()).isEqualTo("Only while it says Pending.");
        assertThat(out.sections()).extracting(TextSection::anchor)
                .containsExactly("", "why-is-my-withdrawal-pending", "can-i-cancel-it");
        assertThat(out.sections().get(1).text()).isEqualTo("Most are reviewed within 30 minutes.");
        assertThat(out.excerpt()).isEqualTo("Answers to common questions.");
    }
}
