package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same input, same bytes; a failed build changes nothing; a writer's theme files win. */
class BuildGuaranteesTest {

    @TempDir
    Path dir;

    @Test
    void twoBuildsOfTheSampleAreByteIdentical() throws Exception {
        TestSites sample = TestSites.at(TestSites.sampleContent());
        Pharos.build(sample.options(dir.resolve("one")));
        Pharos.build(sample.options(dir.resolve("two")));
        var one = TestSites.digest(dir.resolve("one"));
        var two = TestSites.digest(dir.resolve("two"));
        assertThat(one).hasSizeGreaterThan(150);
        assertThat(two.keySet()).isEqualTo(one.keySet());
        assertThat(one.keySet().stream().filter(f -> !one.get(f).equals(two.get(f)))).as("files that differ").isEmpty();
    }

    @Test
    void theSiteFolderIsAsReadableAsTheFoldersInIt() throws Exception {
        // The staging folder becomes the site: a web server reads it as another user, rsync copies its permissions.
        TestSites sample = TestSites.at(TestSites.sampleContent());
        Path site = dir.resolve("site");
        for (int build = 0; build < 2; build++) { // the first is moved into place, the second exchanged
            Pharos.build(sample.options(site));
            assertThat(Files.getPosixFilePermissions(site)).isEqualTo(Files.getPosixFilePermissions(site.resolve("en")));
        }
    }

    @Test
    void bodiesKeptInAFileAsALargeSiteDoesGiveTheSameSite() throws Exception {
        TestSites sample = TestSites.at(TestSites.sampleContent());
        Path site = dir.resolve("out");
        Pharos.build(sample.options(site.resolve("memory")));
        System.setProperty("pharos.bodies", "file");
        try {
            Pharos.build(sample.options(site.resolve("file")));
        } finally {
            System.clearProperty("pharos.bodies");
        }
        var memory = TestSites.digest(site.resolve("memory"));
        var file = TestSites.digest(site.resolve("file"));
        assertThat(memory).hasSizeGreaterThan(150);
        assertThat(file).isEqualTo(memory);
        try (var siblings = Files.list(site)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("memory", "file");
        }
    }

    @Test
    void theSiteDecidesByItsSizeAgainstTheHeapWhereBodiesAreKept() {
        long gib = 1L << 30;
        // cloudwego ×10 (about 60 million characters) fits a 4 GiB heap; ×100 does not.
        assertThat(Bodies.tooLargeForMemory(60_000_000L, 4 * gib)).isFalse();
        assertThat(Bodies.tooLargeForMemory(600_000_000L, 4 * gib)).isTrue();
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteUntouched() throws Exception {
        TestSites content = TestSites.at(dir.resolve("content")).page("en/a.md", "title: A", "first version");
        Path out = dir.resolve("site");
        Pharos.build(content.options(out));
        var before = TestSites.digest(out);
        assertThat(before).isNotEmpty();

        content.page("en/a.md", "title: A", "second version").page("en/b.md", "title: [unclosed", "x");
        assertThatThrownBy(() -> Pharos.build(content.options(out)))
                .isInstanceOf(PharosException.class)
                .satisfies(e -> assertThat(((PharosException) e).problems()).extracting(Problem::toString)
                        .contains("en/b.md:2: error: front matter is not valid YAML: a '[' list is not closed with ']' - close it,"
                                + " or put quotes around text that starts with '['"));
        assertThat(TestSites.digest(out)).isEqualTo(before);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("content", "site");
        }
    }

    @Test
    void anOutputFolderWithOtherFilesIsNeverReplaced() throws Exception {
        TestSites content = TestSites.at(dir.resolve("content")).page("en/a.md", "title: A", "x");
        Path precious = dir.resolve("home");
        TestSites.at(precious).file("thesis.txt", "years of work");
        assertThatThrownBy(() -> Pharos.build(content.options(precious)))
                .isInstanceOf(PharosException.class)
                .hasMessageContaining("is not empty and is not a site Pharos built");
        assertThat(precious.resolve("thesis.txt")).hasContent("years of work");
    }

    @Test
    void aWritersThemeFilesOverrideSingleTemplatesStringsAndAssets() throws Exception {
        TestSites content = TestSites.at(dir.resolve("content"))
                .page("en/a.md", "title: A", "x")
                .file("themes/default/templates/partials/footer.peb", "<footer class=\"custom\">{{ t('footer.custom') }}</footer>\n")
                .file("themes/default/i18n/en.yml", "footer:\n  custom: Made by our team\nsearch:\n  button: Find\n")
                .file("themes/default/assets/css/site.css", "body { color: red; }\n");
        Path out = dir.resolve("site");
        Pharos.build(content.options(out));
        String html = TestSites.read(out.resolve("en/a/index.html"));
        assertThat(html).contains("<footer class=\"custom\">Made by our team</footer>")
                // Keys the writer did not override keep the theme's text.
                .contains("Skip to content");
        String css = org.jsoup.Jsoup.parse(html).select("link[rel=stylesheet]").attr("href");
        assertThat(TestSites.read(out.resolve(css.substring(1)))).isEqualTo("body { color: red; }\n");
        // Assets the writer did not override still come from the built-in theme.
        assertThat(out.resolve(css.substring(1)).resolveSibling("../js/site.js").normalize()).isRegularFile();
    }

    @Test
    void aTemplateErrorNamesTheTemplateAndLineOnceAndLeavesNothingBehind() throws Exception {
        TestSites content = TestSites.at(dir.resolve("content"))
                .file("themes/default/templates/article.peb", "{% extends \"base\" %}\n{% block content %}\n{{ page.title | nosuchfilter }}\n{% endblock %}\n");
        for (int i = 0; i < 40; i++) {
            content.page("en/a" + i + ".md", "title: A" + i, "x");
        }
        // Every article fails while the home and section pages render fine beside them.
        assertThatThrownBy(() -> Pharos.build(content.options(dir.resolve("site"))))
                .isInstanceOf(PharosException.class)
                .hasMessageStartingWith("themes/default/templates/article.peb:3: error: template error:")
                .satisfies(e -> assertThat(((PharosException) e).problems()).hasSize(1));
        // Pages still rendering when the first one failed once wrote into a staging folder being deleted.
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("content");
        }
    }

    @Test
    void workAStageStartsBesideThePagesIsWaitedForWhenAPageFails() throws Exception {
        TestSites content = TestSites.at(dir.resolve("content"))
                .file("themes/default/templates/article.peb", "{{ page.title | nosuchfilter }}\n");
        content.page("en/a.md", "title: A", "x");
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        BuildStage slow = new BuildStage() {
            private Thread work;

            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void start(BuildContext context) {
                events.add("start");
                work = new Thread(() -> {
                    LockSupport.parkNanos(300_000_000);
                    events.add("work done");
                });
                work.start();
            }

            @Override
            public void finish(BuildContext context) {
                events.add("finish");
            }

            @Override
            public void stop() {
                try {
                    work.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add("stop");
            }
        };
        assertThatThrownBy(() -> new SiteBuilder(List.of(() -> slow), null).build(content.options(dir.resolve("site"))))
                .isInstanceOf(PharosException.class);
        // The page failed long before the work was done: the build returned only after it, and never finished.
        assertThat(events).containsExactly("start", "work done", "stop");
    }

    @Test
    void baseUrlWithAPathPrefixesEveryLink() throws Exception {
        TestSites content = TestSites.at(dir.resolve("content"))
                .file("pharos.yml", "baseUrl: https://org.github.io/help/\nlocales: [en]\n")
                .page("en/guides/a.md", "title: A", "[b](b.md)")
                .page("en/guides/b.md", "title: B", "x");
        Path out = dir.resolve("site");
        Pharos.build(content.options(out));
        String html = TestSites.read(out.resolve("en/guides/a/index.html"));
        assertThat(html).contains("href=\"/help/en/guides/b/\"", "href=\"/help/_pharos/", "https://org.github.io/help/en/guides/a/");
        assertThat(out.resolve("en/guides/a/index.html")).isRegularFile();
    }
}
