package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.TestSites;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readable by AI assistants: {@code /llms.txt}, {@code /<locale>/llms-full.txt} and the Markdown twin beside every
 * article, built from a small two-language site.
 */
class MarkdownTwinsTest {

    @TempDir
    static Path work;

    static Path site;
    static BuildResult result;

    static TestSites content(Path root, boolean trustedHtml) {
        return TestSites.at(root)
                .file("pharos.yml", """
                        title: {en: Acme Help, zh-CN: Acme 帮助}
                        description: {en: "Answers about Acme: accounts & fees.", zh-CN: 关于 Acme 的解答。}
                        baseUrl: https://help.example.com/
                        locales: [en, zh-CN]
                        markdown: {trustedHtml: %s}
                        """.formatted(trustedHtml))
                .page("en/_index.md", "title: Acme Help", "")
                .page("en/loose.md", "title: Loose article\nweight: 1", "At the top.\n")
                .page("en/fees/_index.md", "title: Fees\nweight: 2", "")
                .page("en/fees/network-fees.md", "title: Network fees\ndescription: What each network costs.\nlastmod: 2026-10-01",
                        "## Network fees {#network-fees}\n\nThey vary.\n")
                .page("en/account/_index.md", "title: Account\nweight: 1", "")
                .page("en/account/reset.md", """
                        title: "Reset your \\"password\\""
                        description: |
                          Two lines
                          of description.
                        weight: 2
                        updated: 2026-11-01""", """
                        Press <kbd>Ctrl</kbd> and read the [fees](../fees/network-fees.md#network-fees), the
                        [closing guide]({{< relref "close.md" >}}), [this part](#why), [the app](https://app.example.com/x)
                        and [home](/en/).

                        <div class="note">Block <b>text</b><script>alert(1)</script></div>

                        ![Screen](screen.png)

                        [ref]: close.md

                        {{< unknown >}}Inner words{{< /unknown >}}

                        ## Why

                        Because.
                        """)
                .bytes("en/account/screen.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .page("en/account/close.md", "title: Close your account\nweight: 1", "Closing.\n")
                .page("en/account/draft.md", "title: Draft article\ndraft: true", "Not yet.\n")
                .page("zh-CN/_index.md", "title: Acme 帮助", "")
                .page("zh-CN/account/_index.md", "title: 账户\nweight: 1", "")
                .page("zh-CN/account/reset.md", "title: 重置密码\nweight: 2", "阅读[手续费](../fees/network-fees.md)。\n")
                .page("zh-CN/account/close.md", "title: 注销账户\nweight: 1", "注销。\n");
    }

    @BeforeAll
    static void build() throws Exception {
        TestSites sites = content(work.resolve("content"), false);
        site = work.resolve("site");
        result = Pharos.build(sites.options(site).withReport(work.resolve("report.json")));
    }

    @Test
    void llmsTxtListsEveryTwinPerLocaleInTheSitesOrder() {
        assertThat(TestSites.read(site.resolve("llms.txt"))).isEqualTo("""
                # Acme Help

                > Answers about Acme: accounts & fees.

                Every article is also plain Markdown: add `index.md` to its address. All articles of one language in one file:
                [English](https://help.example.com/en/llms-full.txt), [简体中文](https://help.example.com/zh-CN/llms-full.txt).

                ## English

                - [Loose article](https://help.example.com/en/loose/index.md): At the top.
                - [Close your account](https://help.example.com/en/account/close/index.md): Closing.
                - [Reset your "password"](https://help.example.com/en/account/reset/index.md): Two lines of description.
                - [Network fees](https://help.example.com/en/fees/network-fees/index.md): What each network costs.

                ## 简体中文

                - [注销账户](https://help.example.com/zh-CN/account/close/index.md): 注销。
                - [重置密码](https://help.example.com/zh-CN/account/reset/index.md): 阅读手续费。
                """);
    }

    @Test
    void llmsFullHoldsEveryArticleOfALocaleInOrderWithTitleAndUrl() {
        String full = TestSites.read(site.resolve("en/llms-full.txt"));
        assertThat(full).startsWith("# Acme Help\n\n> Answers about Acme: accounts & fees.\n\n---\n\n# Loose article\n\n"
                + "URL: https://help.example.com/en/loose/\n\nAt the top.\n");
        assertThat(full).containsSubsequence("# Loose article", "# Close your account", "# Reset your \"password\"",
                "# Network fees");
        assertThat(full).contains("# Network fees\n\nURL: https://help.example.com/en/fees/network-fees/\n"
                + "Updated: 2026-10-01\n\n## Network fees {#network-fees}\n\nThey vary.\n");
        assertThat(full).doesNotContain("Draft article");
        String chinese = TestSites.read(site.resolve("zh-CN/llms-full.txt"));
        assertThat(chinese).startsWith("# Acme 帮助\n\n> 关于 Acme 的解答。\n").containsSubsequence("# 注销账户", "# 重置密码")
                // The untranslated article is in the English file only.
                .doesNotContain("Network fees");
    }

    @Test
    void aTwinHasSmallFrontMatterAndTheBodyAsWrittenWithLinksMadeAbsolute() {
        String twin = TestSites.read(site.resolve("en/account/reset/index.md"));
        assertThat(twin).startsWith("""
                ---
                title: "Reset your \\"password\\""
                description: "Two lines of description."
                url: "https://help.example.com/en/account/reset/"
                updated: 2026-11-01
                ---

                # Reset your "password"

                Press Ctrl and read the [fees](https://help.example.com/en/fees/network-fees/#network-fees), the
                [closing guide](https://help.example.com/en/account/close/), [this part](https://help.example.com/en/account/reset/#why), [the app](https://app.example.com/x)
                and [home](https://help.example.com/en/).

                Block text
                
                ![Screen](https://help.example.com/en/account/screen.png)

                [ref]: https://help.example.com/en/account/close/

                Inner words

                ## Why
                """);
        assertThat(twin).doesNotContain("<", "alert", "{{");
        // A translation's links lead to pages in its own language (here the fallback copy of an untranslated one).
        assertThat(TestSites.read(site.resolve("zh-CN/account/reset/index.md")))
                .contains("阅读[手续费](https://help.example.com/zh-CN/fees/network-fees/)。");
    }

    @Test
    void trustedHtmlIsKeptAsWritten() throws Exception {
        Path out = work.resolve("trusted");
        Pharos.build(content(work.resolve("trusted-content"), true).options(out));
        assertThat(TestSites.read(out.resolve("en/account/reset/index.md")))
                .contains("Press <kbd>Ctrl</kbd>", "<div class=\"note\">Block <b>text</b><script>alert(1)</script></div>");
    }

    @Test
    void draftsAndFallbackPagesHaveNoTwinAndFallbacksPointToTheirTextsTwin() throws Exception {
        assertThat(site.resolve("en/account/draft")).doesNotExist();
        assertThat(site.resolve("zh-CN/fees/network-fees/index.html")).exists();
        assertThat(site.resolve("zh-CN/fees/network-fees/index.md")).doesNotExist();
        assertThat(site.resolve("en/account/index.md")).doesNotExist();

        Document own = Jsoup.parse(site.resolve("en/account/reset/index.html").toFile());
        assertThat(own.select("link[rel=alternate][type=text/markdown]").attr("href")).isEqualTo("/en/account/reset/index.md");
        Document fallback = Jsoup.parse(site.resolve("zh-CN/fees/network-fees/index.html").toFile());
        assertThat(fallback.select("link[rel=alternate][type=text/markdown]"))
                .singleElement().satisfies(link -> {
                    assertThat(link.attr("href")).isEqualTo("/en/fees/network-fees/index.md");
                    assertThat(link.attr("hreflang")).isEqualTo("en");
                });
        assertThat(Jsoup.parse(site.resolve("en/account/index.html").toFile())
                .select("link[type=text/markdown]")).isEmpty();

        Path preview = work.resolve("preview");
        Pharos.build(TestSites.at(work.resolve("content")).options(preview).withDrafts(true));
        assertThat(preview.resolve("en/account/draft/index.html")).exists();
        assertThat(preview.resolve("en/account/draft/index.md")).doesNotExist();
        assertThat(TestSites.read(preview.resolve("llms.txt"))).doesNotContain("Draft article");
    }

    @Test
    void twinsAreInTheReportButNotInTheSitemapOrSearch() throws Exception {
        JsonNode report = new ObjectMapper().readTree(work.resolve("report.json").toFile());
        Map<String, String> markdown = new TreeMap<>();
        report.get("pages").forEach(p -> markdown.put(p.get("url").asText(), p.get("markdown").isNull() ? null : p.get("markdown").asText()));
        assertThat(markdown).containsEntry("/en/account/reset/", "/en/account/reset/index.md")
                .containsEntry("/en/account/", null).containsEntry("/zh-CN/fees/network-fees/", null);
        assertThat(TestSites.read(site.resolve("sitemap.xml"))).doesNotContain("index.md", "llms");
        assertThat(result.pages()).extracting(BuildResult.PageSummary::url).noneMatch(url -> url.endsWith(".md"));
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
        Path again = work.resolve("again");
        Pharos.build(TestSites.at(work.resolve("content")).options(again));
        Map<String, String> first = TestSites.digest(site);
        Map<String, String> second = TestSites.digest(again);
        assertThat(second).isEqualTo(first);
        assertThat(first.keySet()).contains("llms.txt", "en/llms-full.txt", "zh-CN/llms-full.txt",
                "en/account/reset/index.md");
    }
}
