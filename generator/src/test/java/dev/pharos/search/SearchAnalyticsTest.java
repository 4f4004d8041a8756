package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchAnalyticsTest {

    @TempDir
    Path dir;

    private Path site(String search) {
        return TestSites.at(dir.resolve("c"))
                .file("pharos.yml", "title: T\nlocales:\n  - code: en\n" + search)
                .page("en/a.md", "title: Withdrawals", "How to withdraw.")
                .root();
    }

    @Test
    void offByDefaultThePagesHaveNoBeaconCode() throws Exception {
        Pharos.build(TestSites.at(site("")).options(dir.resolve("site")));
        String page = Files.readString(dir.resolve("site/en/a/index.html"));
        assertThat(page).contains("js/search/boot.js").doesNotContain("analytics").doesNotContain("data-analytics");
    }

    @Test
    void anEndpointIsNamedOnEveryPageWithTheModuleThatSendsToIt() throws Exception {
        Pharos.build(TestSites.at(site("search:\n  analytics:\n    endpoint: https://collect.tidewell.example/search\n"))
                .options(dir.resolve("site")));
        for (String page : new String[] {"en/index.html", "en/a/index.html", "en/search/index.html"}) {
            String html = Files.readString(dir.resolve("site").resolve(page));
            assertThat(html).as(page).contains("data-analytics=\"https://collect.tidewell.example/search\"")
                    .containsPattern("<script type=\"module\" src=\"[^\"]*js/search/analytics[^\"]*\\.js\"></script>");
        }
    }

    @Test
    void theWritersPreviewReportsNothing() throws Exception {
        Path content = site("search:\n  analytics:\n    endpoint: /collect/search\n");
        try (dev.pharos.serve.DevServer server = Pharos.serve(dev.pharos.serve.ServeOptions.of(content).withPort(0),
                new dev.pharos.serve.DevServer.Listener() { })) {
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.url().resolve("/en/a/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("js/search/boot.js").doesNotContain("analytics");
        }
    }

    @Test
    void aBadEndpointIsAnErrorAtItsLine() {
        Path content = site("search:\n  analytics:\n    endpoint: ftp://collect.example/x\n");
        assertThatThrownBy(() -> Pharos.build(TestSites.at(content).options(dir.resolve("site"))))
                .isInstanceOf(PharosException.class)
                .satisfies(e -> assertThat(((PharosException) e).problems()).extracting(Object::toString).contains(
                        "pharos.yml:6: error: 'search.analytics.endpoint' must be an https:// URL (http only for localhost)"
                                + " or a path on this site starting with /, not 'ftp://collect.example/x'"));
    }

    @Test
    void endpointsAreHttpsUrlsOrPathsOnTheSite() {
        assertThat(SearchAnalytics.problem("/collect/search")).isNull();
        assertThat(SearchAnalytics.problem("https://collect.example/s?site=help")).isNull();
        assertThat(SearchAnalytics.problem("http://127.0.0.1:8089/s")).isNull();
        assertThat(SearchAnalytics.problem("http://collect.example/s")).contains("https://");
        assertThat(SearchAnalytics.problem("collect/search")).contains("starting with /");
        assertThat(SearchAnalytics.problem("//collect.example/s")).contains("starting with /");
        assertThat(SearchAnalytics.problem("https://user:pw@collect.example/s")).contains("no user name");
        assertThat(SearchAnalytics.problem("/a b")).contains("without spaces");
        assertThat(SearchAnalytics.problem("/s#x")).contains("fragment");
    }
}
