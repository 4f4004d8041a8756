package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an app's error code link leads to: the redirect pages, the language chooser and {@code codes.json}. */
class CodePagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestSites content(String fallback) {
        return TestSites.at(dir.resolve("content"))
                .file("pharos.yml", "baseUrl: https://help.example.com/\nlocales: [en, zh-CN]\nfallback: " + fallback + "\n")
                .page("en/money/_index.md", "title: Money", "")
                .page("zh-CN/money/_index.md", "title: 资金", "")
                .page("en/money/limits.md", "title: Limits\ncodes: [wd-1024]", "Text.\n")
                .page("zh-CN/money/limits.md", "title: 限额\ncodes: [WD-1024]", "正文。\n")
                .page("en/money/faq.md", "title: Money FAQ\ntype: faq", """
                        Intro.

                        ## Why is my withdrawal limited? {#withdraw-limit codes=E1023}

                        Because of your level.

                        ## Where is my deposit? {codes=DP-1}

                        Still confirming.
                        """)
                .page("zh-CN/money/faq.md", "title: 资金常见问题\ntype: faq", """
                        ## 为什么我的提币受限？ {#withdraw-limit codes=E1023}

                        因为你的认证等级。

                        ## 充值在哪？

                        还在确认中。
                        """)
                // Only in English: zh-CN readers get the fallback page (notice) or the English page (skip).
                .page("en/money/frozen.md", "title: Frozen account\ncodes: [AU-9]", "## Unfreeze {#unfreeze codes=AU-10}\n");
    }

    private Path build(String fallback, String out) throws Exception {
        TestSites site = content(fallback);
        BuildResult result = Pharos.build(site.options(dir.resolve(out)));
        assertThat(result.warnings()).isEmpty();
        return dir.resolve(out);
    }

    private static String refresh(Path site, String path) throws Exception {
        Document page = Jsoup.parse(site.resolve(path).toFile());
        String content = page.select("meta[http-equiv=refresh]").attr("content");
        // The canonical link and the visible link agree with the refresh.
        String target = content.substring("0; url=".length());
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://help.example.com" + target);
        assertThat(page.select("body a").attr("href")).isEqualTo(target);
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        return target;
    }

    @Test
    void eachLocaleRedirectsToItsOwnArticleOrHeading() throws Exception {
        Path site = build("notice", "site");
        assertThat(refresh(site, "en/go/WD-1024/index.html")).isEqualTo("/en/money/limits/");
        assertThat(refresh(site, "zh-CN/go/WD-1024/index.html")).isEqualTo("/zh-CN/money/limits/");
        assertThat(refresh(site, "en/go/E1023/index.html")).isEqualTo("/en/money/faq/#withdraw-limit");
        assertThat(refresh(site, "zh-CN/go/E1023/index.html")).isEqualTo("/zh-CN/money/faq/#withdraw-limit");
        // Without {#anchor}, the heading's own anchor.
        assertThat(refresh(site, "en/go/DP-1/index.html")).isEqualTo("/en/money/faq/#where-is-my-deposit");
        Document faq = Jsoup.parse(site.resolve("en/money/faq/index.html").toFile());
        assertThat(faq.select("#withdraw-limit .faq-question").text()).isEqualTo("Why is my withdrawal limited?");
        assertThat(faq.select("#where-is-my-deposit .faq-question").text()).isEqualTo("Where is my deposit?");
        assertThat(faq.html()).doesNotContain("codes=");
        assertThat(Jsoup.parse(site.resolve("en/go/E1023/index.html").toFile()).title())
                .isEqualTo("Why is my withdrawal limited?");
    }

    @Test
    void aLocaleWithoutTheCodeFallsBackTheWayTheSiteDoes() throws Exception {
        Path notice = build("notice", "notice");
        // The translated FAQ has no DP-1: its own page, without the English anchor.
        assertThat(refresh(notice, "zh-CN/go/DP-1/index.html")).isEqualTo("/zh-CN/money/faq/");
        // No translation: the fallback page shows the English text, anchor included.
        assertThat(refresh(notice, "zh-CN/go/AU-9/index.html")).isEqualTo("/zh-CN/money/frozen/");
        assertThat(refresh(notice, "zh-CN/go/AU-10/index.html")).isEqualTo("/zh-CN/money/frozen/#unfreeze");

        Path skip = build("skip", "skip");
        assertThat(skip.resolve("zh-CN/money/frozen")).doesNotExist();
        assertThat(refresh(skip, "zh-CN/go/AU-9/index.html")).isEqualTo("/en/money/frozen/");
        assertThat(refresh(skip, "zh-CN/go/AU-10/index.html")).isEqualTo("/en/money/frozen/#unfreeze");
    }

    @Test
    void theLanguageFreeLinkListsTheCodeInEveryLanguage() throws Exception {
        Path site = build("notice", "site");
        Document chooser = Jsoup.parse(site.resolve("go/E1023/index.html").toFile());
        assertThat(chooser.select("script[src$=language-redirect.js]")).hasSize(1);
        assertThat(chooser.select("body").attr("data-default-locale")).isEqualTo("en");
        List<String> links = new ArrayList<>();
        chooser.select("a[data-lang-choice]").forEach(a -> links.add(a.attr("data-lang-choice") + " " + a.attr("href")
                + " " + a.text()));
        assertThat(links).containsExactly("en /en/money/faq/#withdraw-limit Why is my withdrawal limited?",
                "zh-CN /zh-CN/money/faq/#withdraw-limit 为什么我的提币受限？");
    }

    @Test
    void codesJsonListsEveryCodeSortedWithUrlAndTitlePerLocale() throws Exception {
        Path site = build("notice", "site");
        JsonNode codes = JSON.readTree(site.resolve("_pharos/codes.json").toFile());
        List<String> names = new ArrayList<>();
        codes.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("AU-10", "AU-9", "DP-1", "E1023", "WD-1024");
        assertThat(JSON.convertValue(codes.get("E1023"), Map.class)).isEqualTo(Map.of(
                "en", Map.of("url", "/en/money/faq/#withdraw-limit", "title", "Why is my withdrawal limited?"),
                "zh-CN", Map.of("url", "/zh-CN/money/faq/#withdraw-limit", "title", "为什么我的提币受限？")));
        assertThat(JSON.convertValue(codes.get("WD-1024"), Map.class)).isEqualTo(Map.of(
                "en", Map.of("url", "/en/money/limits/", "title", "Limits"),
                "zh-CN", Map.of("url", "/zh-CN/money/limits/", "title", "限额")));
        assertThat(codes.get("AU-10").get("zh-CN").get("title").asText()).isEqualTo("Unfreeze");
    }

    @Test
    void codeLinksAreNotPagesSearchEnginesOrSearchSee() throws Exception {
        Path with = build("notice", "site");
        assertThat(Files.readString(with.resolve("sitemap.xml"))).doesNotContain("/go/");
        assertThat(Files.readString(with.resolve("_redirects"))).doesNotContain("/go/");
        try (var files = Files.walk(with.resolve("_pharos/search"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain("/go/", "codes=");
            }
        }
    }

    @Test
    void theSameContentBuildsTheSameBytes() throws Exception {
        Path first = build("notice", "one");
        Path second = build("notice", "two");
        Map<String, String> a = TestSites.digest(first);
        assertThat(a).containsKeys("_pharos/codes.json", "go/E1023/index.html", "zh-CN/go/AU-9/index.html");
        assertThat(TestSites.digest(second)).isEqualTo(a);
    }

    @Test
    void aSiteWithoutCodesHasNoCodeFiles() throws Exception {
        Path site = dir.resolve("plain");
        TestSites.at(dir.resolve("plain-content")).page("en/a.md", "title: A", "x\n");
        Pharos.build(TestSites.at(dir.resolve("plain-content")).options(site));
        assertThat(site.resolve("_pharos/codes.json")).doesNotExist();
        assertThat(site.resolve("go")).doesNotExist();
    }
}
