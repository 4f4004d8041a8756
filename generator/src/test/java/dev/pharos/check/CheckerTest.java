package dev.pharos.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.Pharos;
import dev.pharos.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CheckerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @TempDir
    Path root;

    @BeforeEach
    void site() throws IOException {
        write("pharos.yml", """
                title: Fixture
                locales: [en, zh-CN]
                freshness:
                  maxAgeDays: 365
                  sections:
                    guides: 30
                """);
        write("en/guides/_index.md", "---\ntitle: Guides\n---\n");
        write("en/guides/a.md", """
                ---
                title: A
                lastmod: 2026-05-20
                tgas: [x]
                weight: heavy
                aliases: [/en/search/]
                ---
                See [b](b.md#nope), [gone](c.md) and [absolute](/en/guides/zzz/).

                ![pic](pic.png)

                Fine: [b](b.md#real-heading), [zh](../../zh-CN/guides/a.md), [asset](shot.png), [home](/en/).

                ## Section one
                """);
        Files.write(root.resolve("en/guides/shot.png"), new byte[] {1, 2, 3});
        write("en/guides/b.md", "---\ntitle: B\nreviewed: 2026-01-01\ntoc: maybe\n---\n## Real heading\nBack to [a](a.md#section-one), [linked](../linked.md).\n");
        write("en/loose.md", "---\ntitle: Loose\nreviewed: 2026-05-01\n---\nNobody links here.\n");
        write("en/linked.md", "---\ntitle: Linked\nreviewed: 2026-05-01\n---\nSee [loose sibling](guides/b.md).\n");
        write("en/guides/draft.md", "---\ntitle: Draft\ndraft: true\nweight: [1]\n---\n[nowhere](nowhere.md)\n");
        write("zh-CN/guides/a.md", "---\ntitle: 甲\nlastmod: 2026-04-01\n---\n中文 [乙](../../en/guides/b.md)\n");
    }

    @Test
    void findsEveryKindOfProblemWithFileAndLine() {
        CheckReport report = Pharos.check(options());

        assertThat(lines(report, "links")).containsExactlyInAnyOrder(
                "en/guides/a.md:8: error: broken anchor '#nope' in link 'b.md#nope': en/guides/b.md has no heading or id 'nope'",
                "en/guides/a.md:8: error: broken link 'c.md': no page or file there (did you mean 'a.md'?); paths are relative to this file",
                "en/guides/a.md:8: error: broken link '/en/guides/zzz/': no page has the URL /en/guides/zzz/");
        assertThat(lines(report, "images")).containsExactly(
                "en/guides/a.md:10: error: image 'pic.png' not found; put the file beside the article or fix the path");
        assertThat(lines(report, "front-matter")).contains(
                "en/guides/a.md:4: warning: unknown key 'tgas' (did you mean 'tags'?); it is kept and passed to templates",
                "en/guides/a.md:5: error: 'weight' must be a whole number, not 'heavy'",
                // Drafts are not published, but their front matter is still checked.
                "en/guides/b.md:4: error: 'toc' must be true or false, not 'maybe'",
                "en/guides/draft.md:4: error: 'weight' must be a whole number, not '[1]'");
        assertThat(lines(report, "urls")).containsExactly(
                "en/guides/a.md:6: error: alias /en/search/ is the URL of a page Pharos generates; remove the alias");
        assertThat(lines(report, "orphans")).containsExactly(
                "en/loose.md: warning: orphan page: it is in no section and no page links to it; move it into a section folder or link to it from a related article");
        // The loader reports the weight too: one finding, not two.
        assertThat(report.problems()).filteredOn(p -> p.toString().startsWith("en/guides/a.md:5:")).hasSize(1);
        assertThat(report.failed()).isTrue();
    }

    @Test
    void translationCoverageAndOutdatedTranslations() {
        CheckReport report = Pharos.check(options());

        assertThat(report.translations()).singleElement().satisfies(c -> {
            assertThat(c.locale()).isEqualTo("zh-CN");
            // The draft is not published, so it needs no translation yet.
            assertThat(c.sources()).isEqualTo(4);
            assertThat(c.translated()).isEqualTo(1);
            assertThat(c.missing()).containsExactly("en/guides/b.md", "en/linked.md", "en/loose.md");
            assertThat(c.outdated()).containsExactly(new CheckReport.Outdated("zh-CN/guides/a.md", "en/guides/a.md",
                    LocalDate.of(2026, 5, 20), LocalDate.of(2026, 4, 1)));
        });
        assertThat(lines(report, "translations")).containsExactly("zh-CN/guides/a.md:3: warning: translation is older than"
                + " its source en/guides/a.md (source changed 2026-05-20, translation 2026-04-01); update it and its 'lastmod'");
        assertThat(CheckReports.translationTable(report)).startsWith(
                "Locale  Translated  Outdated  Missing  Up to date",
                "-------------------------------------------------",
                "zh-CN          1/4         1        3          0%");
    }

    @Test
    void staleArticlesAreWarningsOrWithStrictErrors() {
        CheckReport report = Pharos.check(options());
        // guides/ allows 30 days, the rest of the site 365.
        assertThat(report.stale()).extracting(CheckReport.Stale::file).containsExactly("en/guides/b.md", "zh-CN/guides/a.md");
        assertThat(lines(report, "freshness")).contains("en/guides/b.md:3: warning: stale: last reviewed 2026-01-01, 151 days"
                + " ago (limit 30 days); check it is still right and set 'reviewed: 2026-06-01'");

        CheckReport strict = Pharos.check(options().withStrict(true));
        assertThat(strict.findings()).filteredOn(f -> f.check().equals("freshness"))
                .allMatch(Finding::isError).hasSize(2);
    }

    @Test
    void draftsAreCheckedOnlyWhenAsked() {
        assertThat(lines(Pharos.check(options()), "links")).noneMatch(l -> l.startsWith("en/guides/draft.md"));
        assertThat(lines(Pharos.check(options().withDrafts(true)), "links"))
                .anyMatch(l -> l.startsWith("en/guides/draft.md:6: error: broken link 'nowhere.md'"));
    }

    @Test
    void aCleanSiteHasNoFindings() throws IOException {
        Path clean = root.resolve("clean");
        Files.createDirectories(clean.resolve("en/topic"));
        Files.writeString(clean.resolve("en/topic/one.md"), "---\ntitle: One\n---\n## Start\n[two](two.md#end)\n");
        Files.writeString(clean.resolve("en/topic/two.md"), "---\ntitle: Two\n---\n## End\n[one](one.md#start)\n");
        CheckReport report = Pharos.check(CheckOptions.of(clean).withGit(false).withToday(TODAY));
        assertThat(report.findings()).isEmpty();
        assertThat(report.failed()).isFalse();
    }

    @Test
    void junitXmlHasASuitePerCheckAndFailuresForErrors() throws Exception {
        Path xml = root.resolve("out/check.xml");
        CheckReports.writeJUnit(xml, Pharos.check(options()));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        NodeList suiteList = suites.getElementsByTagName("testsuite");
        assertThat(suiteList.getLength()).isEqualTo(CheckReport.CHECKS.size());
        Element links = suite(doc, "links");
        assertThat(links.getAttribute("failures")).isEqualTo("1");
        Element failing = testCase(links, "en/guides/a.md");
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("en/guides/a.md:8: error: ").endsWith("(and 2 more)");
        assertThat(failure.getTextContent().lines()).hasSize(3);
        assertThat(testCase(links, "en/guides/b.md").getElementsByTagName("failure").getLength()).isZero();
        Element orphan = testCase(suite(doc, "orphans"), "en/loose.md");
        assertThat(orphan.getElementsByTagName("failure").getLength()).isZero();
        assertThat(orphan.getElementsByTagName("system-out").item(0).getTextContent()).contains("orphan page");

        byte[] first = Files.readAllBytes(xml);
        CheckReports.writeJUnit(xml, Pharos.check(options()));
        assertThat(Files.readAllBytes(xml)).as("deterministic").isEqualTo(first);
    }

    @Test
    void jsonReportHasFindingsCoverageAndStaleArticles() throws Exception {
        Path json = root.resolve("out/check.json");
        CheckReports.writeJson(json, Pharos.check(options()));

        JsonNode node = new ObjectMapper().readTree(json.toFile());
        assertThat(node.get("status").asText()).isEqualTo("failed");
        assertThat(node.get("errors").asInt()).isEqualTo(8);
        JsonNode anchor = node.get("findings").findParents("check").stream()
                .filter(f -> f.get("message").asText().startsWith("broken anchor")).findFirst().orElseThrow();
        assertThat(anchor.get("file").asText()).isEqualTo("en/guides/a.md");
        assertThat(anchor.get("line").asInt()).isEqualTo(8);
        assertThat(anchor.get("severity").asText()).isEqualTo("error");
        assertThat(node.at("/translations/0/outdated/0/sourceDate").asText()).isEqualTo("2026-05-20");
        assertThat(node.at("/stale/0/file").asText()).isEqualTo("en/guides/b.md");
    }

    @Test
    void gitCommitDatesDecideWhichTranslationIsOutdated() throws Exception {
        Path repo = root.resolve("repo");
        Path content = repo.resolve("docs-site");
        Files.createDirectories(content.resolve("en"));
        Files.createDirectories(content.resolve("zh-CN"));
        Files.writeString(content.resolve("en/fees.md"), "---\ntitle: Fees\n---\nOld text\n");
        Files.writeString(content.resolve("en/limits.md"), "---\ntitle: Limits\n---\nText\n");
        Files.writeString(content.resolve("zh-CN/fees.md"), "---\ntitle: 费用\n---\n旧\n");
        Files.writeString(content.resolve("zh-CN/limits.md"), "---\ntitle: 限额\n---\n文\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, "2026-01-10T10:00:00Z", "everything");
            Files.writeString(content.resolve("en/fees.md"), "---\ntitle: Fees\n---\nNew text\n");
            commit(git, "2026-03-05T10:00:00Z", "fees changed");
            Files.writeString(content.resolve("zh-CN/limits.md"), "---\ntitle: 限额\n---\n新\n");
            commit(git, "2026-03-06T10:00:00Z", "limits translation touched");
        }
        GitDates dates = GitDates.read(content);
        assertThat(dates.lastChange("en/fees.md")).contains(Instant.parse("2026-03-05T10:00:00Z"));
        assertThat(dates.lastChange("en/limits.md")).contains(Instant.parse("2026-01-10T10:00:00Z"));

        CheckReport report = Pharos.check(CheckOptions.of(content).withToday(TODAY));
        assertThat(report.translations().get(0).outdated()).containsExactly(new CheckReport.Outdated("zh-CN/fees.md",
                "en/fees.md", LocalDate.of(2026, 3, 5), LocalDate.of(2026, 1, 10)));

        // An uncommitted edit counts from the file's modification time.
        Files.writeString(content.resolve("zh-CN/fees.md"), "---\ntitle: 费用\n---\n新\n");
        assertThat(Pharos.check(CheckOptions.of(content).withToday(TODAY)).translations().get(0).outdated()).isEmpty();
        assertThat(GitDates.read(root.resolve("clean-outside-git-" + System.nanoTime())).isEmpty()).isTrue();
    }

    @Test
    void theSampleHelpCenterPasses() {
        CheckReport report = Pharos.check(CheckOptions.of(Path.of("../content")).withToday(LocalDate.of(2026, 11, 22)));
        assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(report.checked().get("links")).hasSizeGreaterThan(100);
    }

    private static void commit(Git git, String when, String message) throws Exception {
        PersonIdent who = new PersonIdent("Writer", "writer@example.com", java.util.Date.from(Instant.parse(when)),
                TimeZone.getTimeZone("UTC"));
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private CheckOptions options() {
        return CheckOptions.of(root).withGit(false).withToday(TODAY);
    }

    private static List<String> lines(CheckReport report, String check) {
        return report.findings().stream().filter(f -> f.check().equals(check)).map(f -> f.problem().toString()).toList();
    }

    private static Element suite(Document doc, String name) {
        NodeList list = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getAttribute("name").equals(name)) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no suite " + name);
    }

    private static Element testCase(Element suite, String name) {
        NodeList list = suite.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            if (((Element) list.item(i)).getAttribute("name").equals(name)) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no test case " + name);
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
