package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.TestSites;
import dev.pharos.check.CheckOptions;
import dev.pharos.check.CheckReport;
import dev.pharos.check.Finding;
import java.nio.file.Path;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incident and known-issue banners: announcements with {@code banner: true} shown on every page of their locale
 * until they expire. Every build here runs at a fixed instant ({@link TestSites#TODAY}, 2026-11-22T00:00Z, unless
 * a test names another), so nothing depends on the wall clock.
 */
class BannersTest {

    @TempDir
    static Path work;

    static Path site;
    static BuildResult result;

    static TestSites content(Path root) {
        return TestSites.at(root)
                .file("pharos.yml", "title: Acme Help\nbaseUrl: https://help.example.com/\nlocales: [en, zh-CN]\n")
                .page("en/account/_index.md", "title: Account", "")
                .page("en/account/reset.md", "title: Reset your password", "Steps.\n")
                .page("zh-CN/account/reset.md", "title: 重置密码", "步骤。\n")
                .page("en/announcements/_index.md", "title: Announcements", "")
                .page("en/announcements/outage.md", """
                        title: Withdrawals paused
                        date: 2026-11-20
                        banner: true
                        severity: critical
                        expires: 2026-12-01T00:00Z""", "We are on it.\n")
                .page("en/announcements/known-issue.md", """
                        title: Charts load slowly
                        date: 2026-11-21
                        banner: true
                        expires: 2027-01-01T00:00+08:00""", "Known issue.\n")
                .page("zh-CN/announcements/known-issue.md", """
                        title: 行情图加载缓慢
                        date: 2026-11-21
                        banner: true
                        expires: 2027-01-01T00:00+08:00""", "已知问题。\n")
                .page("en/announcements/over.md", """
                        title: Card payments failing
                        date: 2026-10-01
                        banner: true
                        severity: warning
                        expires: 2026-11-01T00:00Z""", "Fixed since.\n")
                .page("en/announcements/fixed.md", """
                        title: Login emails late
                        date: 2026-11-19
                        banner: true
                        severity: warning
                        status: resolved
                        expires: 2027-06-30T00:00Z""", "Resolved.\n")
                .page("en/announcements/news.md", "title: New app\ndate: 2026-11-10", "Out now.\n");
    }

    @BeforeAll
    static void build() throws Exception {
        site = work.resolve("site");
        result = Pharos.build(content(work.resolve("content")).options(site));
    }

    static Document page(Path site, String path) {
        return Jsoup.parse(TestSites.read(site.resolve(path)));
    }

    @Test
    void activeBannersAreOnEveryPageOfTheLocaleMostSevereFirstWithTheirExpiry() {
        for (String path : new String[] {"en/index.html", "en/account/reset/index.html", "en/search/index.html",
                "en/404.html", "en/announcements/news/index.html"}) {
            Document doc = page(site, path);
            Element region = doc.selectFirst("section.incidents");
            assertThat(region).as(path).isNotNull();
            assertThat(region.attr("aria-label")).isEqualTo("Service notices");
            assertThat(region.select(".incident")).extracting(e -> e.attr("class"), e -> e.attr("data-expires"),
                    e -> e.select(".incident-severity").text(), e -> e.select("a").text(), e -> e.select("a").attr("href"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("incident incident-critical", "2026-12-01T00:00:00Z",
                                    "Critical:", "Withdrawals paused", "/en/announcements/outage/"),
                            org.assertj.core.groups.Tuple.tuple("incident incident-info", "2026-12-31T16:00:00Z",
                                    "Notice:", "Charts load slowly", "/en/announcements/known-issue/"));
            assertThat(doc.select("script[type=module][src$=js/incidents.js]")).as(path).hasSize(1);
        }
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void expiredAndResolvedBannersAreNotRenderedButTheirAnnouncementsStay() {
        String html = TestSites.read(site.resolve("en/account/reset/index.html"));
        assertThat(html).doesNotContain("Card payments failing", "Login emails late");
        assertThat(site.resolve("en/announcements/over/index.html")).exists();
        assertThat(site.resolve("en/announcements/fixed/index.html")).exists();
    }

    @Test
    void aLocaleWithoutTheTranslationShowsTheDefaultLocalesBannerMarkedAsEnglish() {
        Document doc = page(site, "zh-CN/account/reset/index.html");
        assertThat(doc.select("section.incidents").attr("aria-label")).isEqualTo("服务公告");
        Element outage = doc.select(".incident-critical a").first();
        assertThat(outage.text()).isEqualTo("Withdrawals paused");
        assertThat(outage.attr("href")).isEqualTo("/zh-CN/announcements/outage/");
        assertThat(outage.attr("lang")).isEqualTo("en");
        Element translated = doc.select(".incident-info a").first();
        assertThat(translated.text()).isEqualTo("行情图加载缓慢");
        assertThat(translated.hasAttr("lang")).isFalse();
    }

    @Test
    void aBuildAfterTheExpiryLeavesTheBannerOut() throws Exception {
        Path later = work.resolve("later");
        Pharos.build(TestSites.at(work.resolve("content")).options(later).withNow(Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(page(later, "en/account/reset/index.html").select(".incident a")).extracting(Element::text)
                .containsExactly("Charts load slowly");

        Path muchLater = work.resolve("much-later");
        Pharos.build(TestSites.at(work.resolve("content")).options(muchLater).withNow(Instant.parse("2027-02-01T00:00:00Z")));
        Document doc = page(muchLater, "en/account/reset/index.html");
        assertThat(doc.select("section.incidents, script[src$=incidents.js]")).isEmpty();
    }

    @Test
    void theAnnouncementsFeedCarriesBannerAnnouncements() throws Exception {
        org.w3c.dom.Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(site.resolve("en/announcements/atom.xml").toFile());
        var titles = feed.getElementsByTagName("title");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < titles.getLength(); i++) {
            all.append(titles.item(i).getTextContent()).append('\n');
        }
        assertThat(all.toString()).contains("Withdrawals paused", "Charts load slowly", "Card payments failing",
                "Login emails late", "New app");
    }

    static Path mistakes(Path root) {
        TestSites.at(root)
                .file("pharos.yml", "title: Acme Help\nlocales: [en]\n")
                .page("en/announcements/a.md", "title: A\nbanner: true\nexpires: 2026-12-31T18:00", "A.\n")
                .page("en/announcements/b.md", "title: B\nbanner: true\nexpires: 2026-12-31", "B.\n")
                .page("en/announcements/c.md", "title: C\nbanner: true\nexpires: 2026-12-31T18:00Z\nseverity: urgent", "C.\n")
                .page("en/announcements/d.md", "title: D\nbanner: true", "D.\n")
                .page("en/announcements/e.md", "title: E\nbanner: true\nexpires: soon\nstatus: done", "E.\n")
                .page("en/announcements/f.md", "title: F\nbanner: true\nexpires: \"2026-12-31T18:00+0800\"", "F.\n")
                .page("en/account/g.md", "title: G\nbanner: true", "G.\n")
                .page("en/account/h.md", "title: H\nbanner: hero.png", "H.\n");
        return root;
    }

    @Test
    void mistakesAreErrorsWithFileAndLine() {
        Path root = mistakes(work.resolve("mistakes"));
        assertThatThrownBy(() -> Pharos.build(TestSites.at(root).options(work.resolve("mistakes-site"))))
                .isInstanceOf(PharosException.class)
                .satisfies(e -> assertThat(((PharosException) e).problems()).extracting(Problem::toString)
                        .containsExactly(
                                "en/account/g.md:3: warning: 'banner: true' shows a banner only on pages in the announcements"
                                        + " section; move the page to announcements/ or remove the key",
                                "en/announcements/a.md:4: error: 'expires: 2026-12-31T18:00' has no time zone; add one,"
                                        + " such as 2026-12-31T18:00Z (UTC) or 2026-12-31T18:00+08:00",
                                "en/announcements/b.md:4: error: 'expires: 2026-12-31' has no time zone; add one,"
                                        + " such as 2026-12-31T18:00Z (UTC) or 2026-12-31T18:00+08:00",
                                "en/announcements/c.md:5: error: 'severity' must be one of info, warning, critical, not 'urgent'",
                                "en/announcements/d.md:3: error: a banner needs 'expires:', the time it stops showing, with a"
                                        + " time zone (expires: 2026-12-31T18:00Z)",
                                "en/announcements/e.md:4: error: 'expires' must be a time with a time zone, such as"
                                        + " 2026-12-31T18:00Z, not 'soon'",
                                "en/announcements/e.md:5: error: 'status' must be one of active, resolved, not 'done'"));
    }

    @Test
    void checkWarnsAboutAnExpiredBannerStillMarkedActive() {
        CheckReport report = Pharos.check(CheckOptions.of(work.resolve("content")).withGit(false).withToday(TestSites.TODAY));
        assertThat(report.findings()).filteredOn(f -> f.problem().message().contains("banner"))
                .extracting(Finding::check, f -> f.problem().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("front-matter",
                        "en/announcements/over.md:6: warning: the banner expired at 2026-11-01T00:00:00Z but is still"
                                + " active; set 'status: resolved' when the incident is over, or move 'expires' later"));

        // The check reports the build's mistakes too, each once.
        Path mistakes = mistakes(work.resolve("check-mistakes"));
        assertThat(Pharos.check(CheckOptions.of(mistakes).withGit(false).withToday(TestSites.TODAY)).problems())
                .extracting(Problem::toString)
                .containsOnlyOnce("en/announcements/c.md:5: error: 'severity' must be one of info, warning, critical, not 'urgent'",
                        "en/announcements/a.md:4: error: 'expires: 2026-12-31T18:00' has no time zone; add one,"
                                + " such as 2026-12-31T18:00Z (UTC) or 2026-12-31T18:00+08:00");
    }
}
