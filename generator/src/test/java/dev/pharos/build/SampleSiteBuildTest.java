package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** The repository's sample help center, built end to end once, then read back like a browser and a crawler would. */
class SampleSiteBuildTest {

    @TempDir
    static Path out;

    static BuildResult result;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = out.resolve("site");
        result = Pharos.build(TestSites.at(TestSites.sampleContent()).options(site).withReport(out.resolve("report.json")));
    }

    static Document page(String path) {
        return Jsoup.parse(TestSites.read(site.resolve(path)));
    }

    @Test
    void buildsBothLanguagesWithoutWarnings() {
        assertThat(result.warnings()).isEmpty();
        long articles = result.pages().stream().filter(p -> p.kind().equals("article") && !p.fallback()).count();
        assertThat(result.pages().stream().filter(p -> p.locale().equals("en") && p.kind().equals("article")).count())
                .isGreaterThanOrEqualTo(44);
        assertThat(result.pages().stream().filter(p -> p.locale().equals("zh-CN") && p.kind().equals("article") && !p.fallback()).count())
                .isGreaterThanOrEqualTo(42);
        assertThat(articles).isGreaterThan(84);
        assertThat(result.pages().stream().filter(p -> p.source() != null && p.source().endsWith("/faq.md")).map(BuildResult.PageSummary::locale))
                .filteredOn("zh-CN"::equals).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void anArticlePageHasWhatReadersNeed() {
        Document doc = page("en/deposits-withdrawals/crypto/deposit-not-credited/index.html");
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("h1").text()).isEqualTo("Why hasn't my deposit arrived?");
        assertThat(doc.select("nav.breadcrumbs a")).extracting(Element::text)
                .containsExactly("Tidewell Help Center", "Deposits and withdrawals", "Crypto deposits and withdrawals");
        assertThat(doc.select("time").attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(doc.select("nav.toc-side a")).isNotEmpty();
        assertThat(doc.select("link[rel=alternate][hreflang=zh-CN]").attr("href"))
                .isEqualTo("https://help.tidewell.example/zh-CN/deposits-withdrawals/crypto/deposit-not-credited/");
        assertThat(doc.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://help.tidewell.example/en/deposits-withdrawals/crypto/deposit-not-credited/");
        assertThat(doc.select(".language-menu a[hreflang=zh-CN]").attr("href"))
                .isEqualTo("/zh-CN/deposits-withdrawals/crypto/deposit-not-credited/");
        assertThat(doc.select(".related a")).isNotEmpty();
        assertThat(doc.select("a[rel=next], a[rel=prev]")).isNotEmpty();
        // No inline scripts or styles: the site runs under Content-Security-Policy default-src 'self'.
        assertThat(doc.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
        assertThat(doc.select("style, [style]")).isEmpty();
    }

    @Test
    void chineseDatesAreLocalized() {
        Document doc = page("zh-CN/deposits-withdrawals/crypto/deposit-not-credited/index.html");
        assertThat(doc.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(doc.select("time").text()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
    }

    @Test
    void untranslatedArticlesAreShownWithANotice() {
        Document doc = page("zh-CN/api/websocket-streams/index.html");
        assertThat(doc.select("html").attr("lang")).isEqualTo("zh-CN");
        // The article's own words are marked English; the interface around them stays Chinese.
        assertThat(doc.select("article h1").attr("lang")).isEqualTo("en");
        assertThat(doc.select("article .prose").attr("lang")).isEqualTo("en");
        assertThat(doc.select("article .breadcrumbs").attr("lang")).isEmpty();
        assertThat(doc.select(".notice-fallback").text()).contains("English");
        // Search engines are pointed at the original.
        assertThat(doc.select("link[rel=canonical]").attr("href")).endsWith("/en/api/websocket-streams/");
        assertThat(doc.select("link[rel=alternate][hreflang=zh-CN]")).isEmpty();
    }

    @Test
    void faqPagesAreCollapsibleWithFaqPageJsonLd() throws Exception {
        Document doc = page("en/account/faq/index.html");
        assertThat(doc.select("details.faq-item > summary h2")).hasSizeGreaterThanOrEqualTo(6);
        JsonNode ld = null;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode node = new ObjectMapper().readTree(script.data());
            if (node.path("@type").asText().equals("FAQPage")) {
                ld = node;
            }
        }
        assertThat(ld).isNotNull();
        assertThat(ld.path("mainEntity")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(ld.path("mainEntity").get(0).path("acceptedAnswer").path("text").asText()).isNotBlank();
    }

    @Test
    void homePagesListSectionsAndPopularArticles() {
        Document doc = page("en/index.html");
        assertThat(doc.select(".home-sections .card-title")).extracting(Element::text)
                .contains("Getting started", "Security", "Fees and limits");
        assertThat(doc.select(".home-popular a")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(doc.select("form[role=search]").attr("action")).isEqualTo("/en/search/");
    }

    @Test
    void theNoJavaScriptSearchPageListsEveryArticle() {
        Document doc = page("en/search/index.html");
        int listed = doc.select(".all-articles a").size();
        long enPages = result.pages().stream().filter(p -> p.locale().equals("en") && !p.kind().equals("home")).count();
        assertThat(listed).isEqualTo((int) enPages);
    }

    @Test
    void rootPageOffersEveryLanguageWithoutJavaScript() {
        Document doc = page("index.html");
        assertThat(doc.select(".language-list a")).extracting(e -> e.attr("href")).containsExactly("/en/", "/zh-CN/");
        assertThat(doc.select("script[src]").attr("type")).isEqualTo("module");
    }

    @Test
    void sitemapHasEveryOriginalPageWithAlternates() throws Exception {
        var xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        org.w3c.dom.Document doc = xml.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        NodeList urls = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        long originals = result.pages().stream().filter(p -> !p.fallback() && !p.draft()).count();
        // Plus the contact and checker pages of each language.
        assertThat(urls.getLength()).isEqualTo((int) originals + 4);
        java.util.List<String> locs = new java.util.ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            locs.add(urls.item(i).getTextContent());
        }
        assertThat(locs).contains("https://help.tidewell.example/zh-CN/contact/", "https://help.tidewell.example/en/verify/")
                .doesNotContain("https://help.tidewell.example/en/search/");
        assertThat(urls.item(0).getTextContent()).startsWith("https://help.tidewell.example/");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link").getLength()).isGreaterThan(80);
        assertThat(TestSites.read(site.resolve("robots.txt"))).contains("Sitemap: https://help.tidewell.example/sitemap.xml");
    }

    @Test
    void aliasesRedirect() {
        Document redirect = page("en/deposits/missing-deposit/index.html");
        assertThat(redirect.select("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo("0; url=/en/deposits-withdrawals/crypto/deposit-not-credited/");
        assertThat(redirect.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://help.tidewell.example/en/deposits-withdrawals/crypto/deposit-not-credited/");
        assertThat(TestSites.read(site.resolve("_redirects")))
                .contains("/en/deposits/missing-deposit/ /en/deposits-withdrawals/crypto/deposit-not-credited/ 301");
    }

    @Test
    void announcementsHaveAnAtomFeed() throws Exception {
        var xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        org.w3c.dom.Document feed = xml.newDocumentBuilder().parse(site.resolve("en/announcements/atom.xml").toFile());
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void draftsAreNotPublished() {
        assertThat(site.resolve("en/getting-started/whats-new-in-the-app")).doesNotExist();
    }

    @Test
    void notFoundPagesExist() {
        assertThat(page("404.html").select("h1").text()).isEqualTo("Page not found");
        assertThat(page("zh-CN/404.html").select("h1").text()).isEqualTo("页面不存在");
    }

    @Test
    void theReportListsPagesWarningsAndTimings() throws Exception {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("pages")).hasSize(result.pages().size());
        JsonNode first = report.path("pages").get(1);
        assertThat(List.of("source", "locale", "url", "title", "section")).allMatch(first::has);
        assertThat(report.path("timings").path("total").asLong()).isPositive();
        // In the order the stages ran, the same in every report, so that two reports compare line by line.
        List<String> stages = new java.util.ArrayList<>();
        report.path("timings").fieldNames().forEachRemaining(stages::add);
        assertThat(stages).startsWith("load", "markdown", "render").endsWith("write", "total");
        assertThat(report.path("warnings")).isEmpty();
    }

    @Test
    void assetsAreFingerprinted() {
        String css = page("en/index.html").select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/_pharos/[0-9a-f]{10}/css/site\\.css");
        assertThat(site.resolve(css.substring(1))).isRegularFile();
        assertThat(Files.exists(site.resolve("en/getting-started/navigate-the-app/app-layout.svg"))).isTrue();
    }
}
