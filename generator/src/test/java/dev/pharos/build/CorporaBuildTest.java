package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.Problem;
import dev.pharos.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-world Markdown with no pharos.yml: a Hugo docs site and tldr's command pages. */
class CorporaBuildTest {

    @TempDir
    Path out;

    private static long markdownFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".md")).count();
        }
    }

    @Test
    void cloudwegoBuildsWithoutConfig() throws Exception {
        Path corpus = TestSites.corpus("cloudwego");
        BuildResult result = Pharos.build(BuildOptions.of(corpus, out.resolve("site")).withToday(TestSites.TODAY));

        long sources = result.pages().stream().filter(p -> p.source() != null && !p.fallback()).count();
        assertThat(sources).isEqualTo(markdownFiles(corpus)).isEqualTo(973);
        assertThat(result.pages()).extracting(BuildResult.PageSummary::locale).containsOnly("en", "zh");
        // Docsy shortcodes Pharos does not know: one warning per use, naming the file and line, and the text stays.
        var shortcodeWarnings = result.warnings().stream().filter(w -> w.message().startsWith("Hugo shortcode")).toList();
        assertThat(shortcodeWarnings).hasSizeGreaterThan(20).allMatch(w -> w.line() > 0 && w.file() != null);
        assertThat(result.warnings()).noneMatch(Problem::isError);
        String cooperation = TestSites.read(out.resolve("site/en/cooperation/index.html"));
        assertThat(Jsoup.parse(cooperation).text()).contains("Huaxing Securities").doesNotContain("{{<");
        // Hugo's search.md words the generated search page instead of clashing with it.
        assertThat(Jsoup.parse(TestSites.read(out.resolve("site/en/search/index.html"))).select("h1").text())
                .isEqualTo("Search Results");
        // File names with spaces and CJK characters.
        assertThat(out.resolve("site/en/docs/kitex/best-practice")).isDirectory();
        try (Stream<Path> files = Files.walk(out.resolve("site/zh"))) {
            assertThat(files.map(Path::toString)).anyMatch(p -> p.contains("本地文件系统"));
        }
    }

    @Test
    void tldrBuildsWithPlaceholdersAsText() throws Exception {
        Path corpus = TestSites.corpus("tldr");
        BuildResult result = Pharos.build(BuildOptions.of(corpus, out.resolve("site")).withToday(TestSites.TODAY));

        long sources = result.pages().stream().filter(p -> p.source() != null && !p.fallback()).count();
        assertThat(sources).isEqualTo(markdownFiles(corpus)).isEqualTo(3056);
        assertThat(result.warnings()).isEmpty();
        var tar = Jsoup.parse(TestSites.read(out.resolve("site/en/common/tar/index.html")));
        assertThat(tar.select("h1").text()).isEqualTo("tar");
        assertThat(tar.select("article code").text()).contains("{{path/to/file");
        assertThat(out.resolve("site/en/common/u21/index.html")).isRegularFile();
    }
}
