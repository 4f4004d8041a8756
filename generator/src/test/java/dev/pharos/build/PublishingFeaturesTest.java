package dev.pharos.build;

import dev.pharos.TestSites;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * What a published help center promises readers, search engines and hosts, checked on the built sample site with
 * real parsers: drafts and scheduled pages left out, aliases as redirect pages and {@code _redirects}, the Atom
 * feed of announcements, JSON-LD, canonical and OpenGraph tags.
 */
class PublishingFeaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = TestSites.TODAY;

    @TempDir
    static Path work;

    static Path content;
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        content = work.resolve("content");
        TestSites.copy(TestSites.sampleContent(), content);
        // Writers' scheduling: a draft, a page published tomorrow, one that expired, one with an old URL.
        write("en/account/upcoming-limits.md", "---\ntitle: Upcoming limits\ndraft: true\n---\nSoon.\n");
        write("en/account/scheduled.md", "---\ntitle: Scheduled\npublishDate: 2026-11-23\n---\nTomorrow.\n");
        write("en/account/expired.md", "---\ntitle: Expired promotion\nexpiryDate: 2026-11-01\n---\nOver.\n");
        write("en/account/moved.md", "---\ntitle: Moved article\naliases: [/en/old-place/, old-name]\n---\nHere now.\n");
        site = work.resolve("site");
        result = Pharos.build(BuildOptions.of(content, site).withToday(TODAY));
    }

    @Test
    void draftsScheduledAndExpiredPagesAreNotPublishedUnlessAsked() throws Exception {
        assertThat(site.resolve("en/account/upcoming-limits")).doesNotExist();
        assertThat(site.resolve("en/account/scheduled")).doesNotExist();
        assertThat(site.resolve("en/account/expired")).doesNotExist();
        assertThat(Files.readString(site.resolve("sitemap.xml"))).doesNotContain("upcoming-limits", "scheduled/");

        Path preview = work.resolve("preview");
        BuildResult drafts = Pharos.build(BuildOptions.of(content, preview).withToday(TODAY).withDrafts(true));
        assertThat(drafts.pages()).filteredOn(p -> p.url().equals("/en/account/upcoming-limits/"))
                .singleElement().satisfies(p -> assertThat(p.draft()).isTrue());
        Document page = Jsoup.parse(preview.resolve("en/account/upcoming-limits/index.html").toFile());
        assertThat(page.select(".badge-draft").text()).isEqualTo("Draft");
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(preview.resolve("en/account/scheduled/index.html")).exists();
    }

    @Test
    void aliasesAreRedirectPagesAndNetlifyRules() throws Exception {
        for (String alias : List.of("en/old-place/index.html", "en/old-name/index.html")) {
            Document redirect = Jsoup.parse(site.resolve(alias).toFile());
            assertThat(redirect.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=/en/account/moved/");
            assertThat(redirect.select("link[rel=canonical]").attr("href"))
                    .isEqualTo("https://help.tidewell.example/en/account/moved/");
            assertThat(redirect.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        }
        assertThat(Files.readAllLines(site.resolve("_redirects")))
                .contains("/en/old-name/ /en/account/moved/ 301", "/en/old-place/ /en/account/moved/ 301");
    }

    @Test
    void announcementsHaveAValidAtomFeedPerLocale() throws Exception {
        for (String locale : List.of("en", "zh-CN")) {
            Path feed = site.resolve(locale + "/announcements/atom.xml");
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            org.w3c.dom.Document atom = factory.newDocumentBuilder().parse(feed.toFile());
            String ns = "http://www.w3.org/2005/Atom";
            assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
            assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo(ns);
            assertThat(atom.getDocumentElement().getAttribute("xml:lang")).isEqualTo(locale);
            NodeList entries = atom.getElementsByTagNameNS(ns, "entry");
            // Five announcements, the newest an incident with a banner (banner, severity, expires in its front matter).
            assertThat(entries.getLength()).isEqualTo(5);
            assertThat(((org.w3c.dom.Element) entries.item(0)).getElementsByTagNameNS(ns, "id").item(0).getTextContent())
                    .endsWith("/" + locale + "/announcements/2026-11-20-trc20-deposits-delayed/");
            List<String> published = new ArrayList<>();
            for (int i = 0; i < entries.getLength(); i++) {
                org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
                String id = entry.getElementsByTagNameNS(ns, "id").item(0).getTextContent();
                assertThat(id).startsWith("https://help.tidewell.example/" + locale + "/announcements/");
                assertThat(entry.getElementsByTagNameNS(ns, "updated").item(0).getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z");
                published.add(entry.getElementsByTagNameNS(ns, "published").item(0).getTextContent());
                // The body is HTML escaped into text, and parses back as HTML.
                org.w3c.dom.Element body = (org.w3c.dom.Element) entry.getElementsByTagNameNS(ns, "content").item(0);
                assertThat(body.getAttribute("type")).isEqualTo("html");
                assertThat(Jsoup.parseBodyFragment(body.getTextContent()).select("p")).isNotEmpty();
            }
            assertThat(published).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
            String feedUpdated = atom.getDocumentElement().getElementsByTagNameNS(ns, "updated").item(0).getTextContent();
            assertThat(feedUpdated).isEqualTo(published.get(0));
            Document section = Jsoup.parse(site.resolve(locale + "/announcements/index.html").toFile());
            assertThat(section.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                    .endsWith("/" + locale + "/announcements/atom.xml");
        }
    }

    @Test
    void articlesHaveJsonLdCanonicalAndOpenGraph() throws Exception {
        Document article = Jsoup.parse(site.resolve("en/account/reset-password/index.html").toFile());
        List<JsonNode> ld = jsonLd(article);
        JsonNode tech = find(ld, "TechArticle");
        assertThat(tech.get("headline").asText()).isEqualTo(article.select("h1").text());
        assertThat(tech.get("url").asText()).isEqualTo("https://help.tidewell.example/en/account/reset-password/");
        assertThat(tech.get("inLanguage").asText()).isEqualTo("en");
        assertThat(tech.get("dateModified").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(tech.get("publisher").get("name").asText()).isEqualTo("Tidewell Help Center");
        JsonNode crumbs = find(ld, "BreadcrumbList").get("itemListElement");
        for (int i = 0; i < crumbs.size(); i++) {
            assertThat(crumbs.get(i).get("position").asInt()).isEqualTo(i + 1);
            assertThat(crumbs.get(i).get("item").asText()).startsWith("https://help.tidewell.example/en/");
        }
        assertThat(crumbs.get(crumbs.size() - 1).get("name").asText()).isEqualTo(tech.get("headline").asText());

        assertThat(article.select("link[rel=canonical]").attr("href")).isEqualTo("https://help.tidewell.example/en/account/reset-password/");
        assertThat(article.select("meta[property=og:url]").attr("content")).isEqualTo("https://help.tidewell.example/en/account/reset-password/");
        assertThat(article.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(article.select("meta[property=og:title]").attr("content")).isEqualTo(tech.get("headline").asText());
        assertThat(article.select("meta[property=og:locale]").attr("content")).isEqualTo("en");
        assertThat(article.select("link[rel=alternate][hreflang=zh-CN]").attr("href"))
                .isEqualTo("https://help.tidewell.example/zh-CN/account/reset-password/");

        // A page without dates has no null dates in its JSON-LD.
        JsonNode noDates = find(jsonLd(Jsoup.parse(site.resolve("en/account/moved/index.html").toFile())), "TechArticle");
        assertThat(noDates.has("dateModified")).isFalse();
        assertThat(noDates.has("datePublished")).isFalse();
    }

    @Test
    void faqPagesHaveFaqPageJsonLd() throws Exception {
        Document faq = Jsoup.parse(site.resolve("en/account/faq/index.html").toFile());
        JsonNode page = find(jsonLd(faq), "FAQPage");
        JsonNode questions = page.get("mainEntity");
        assertThat(questions.size()).isEqualTo(faq.select(".faq-question").size()).isGreaterThan(2);
        for (JsonNode q : questions) {
            assertThat(q.get("@type").asText()).isEqualTo("Question");
            assertThat(q.get("name").asText()).isNotBlank();
            assertThat(q.get("acceptedAnswer").get("@type").asText()).isEqualTo("Answer");
            assertThat(q.get("acceptedAnswer").get("text").asText()).isNotBlank();
        }
    }

    @Test
    void theSameContentBuildsTheSameBytes() throws Exception {
        Path again = work.resolve("again");
        Pharos.build(BuildOptions.of(content, again).withToday(TODAY));
        try (var files = Files.walk(site)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertThat(Files.readAllBytes(again.resolve(site.relativize(f).toString())))
                        .as(site.relativize(f).toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    private static List<JsonNode> jsonLd(Document page) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            out.add(JSON.readTree(script.data()));
        }
        return out;
    }

    private static JsonNode find(List<JsonNode> blocks, String type) {
        return blocks.stream().filter(b -> type.equals(b.path("@type").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + blocks));
    }

    private static void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
