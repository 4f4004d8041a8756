package dev.pharos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PharosCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PharosCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void buildPrintsASummaryAndWritesTheReport() throws Exception {
        TestSites.at(dir.resolve("c")).page("en/a.md", "title: A", "[gone](gone.md)");
        int code = run("build", "--source", dir.resolve("c").toString(), "--out", dir.resolve("site").toString(),
                "--report", dir.resolve("report.json").toString());
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Built 2 pages in 1 locales");
        assertThat(err.toString()).contains("en/a.md:4: warning: link to 'gone.md' points to no page");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("warnings").get(0).path("line").asInt()).isEqualTo(4);
        assertThat(dir.resolve("site/en/a/index.html")).isRegularFile();
    }

    @Test
    void aBuildIntoTheDefaultFolderKeepsItsCacheBesideItAndOneElsewhereDoesNotTouchTheContent() throws Exception {
        Path content = dir.resolve("c");
        TestSites.at(content).page("en/a.md", "title: A", "Text.");
        assertThat(run("build", "--source", content.toString(), "--out", dir.resolve("site").toString())).isZero();
        assertThat(content.resolve("target")).doesNotExist();
        assertThat(run("build", "--source", content.toString(), "--out", dir.resolve("site").toString(), "--cache",
                dir.resolve("kept").toString())).isZero();
        assertThat(dir.resolve("kept/bodies")).isDirectory();

        assertThat(run("build", "--source", content.toString())).isZero();
        assertThat(content.resolve("target/site/en/a/index.html")).isRegularFile();
        assertThat(content.resolve("target/pharos-cache/bodies")).isDirectory();
        assertThat(run("build", "--source", content.toString(), "--no-cache")).isZero();
    }

    @Test
    void badContentExitsWithOneAndNoStackTrace() throws Exception {
        TestSites.at(dir.resolve("c")).page("en/a.md", "title: 'unclosed", "x");
        int code = run("build", "--source", dir.resolve("c").toString(), "--out", dir.resolve("site").toString(),
                "--report", dir.resolve("report.json").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("en/a.md:2: error: front matter is not valid YAML: a quoted value is not closed - add the closing quote")
                .contains("Build failed: 1 error;").doesNotContain("\tat ", "Exception");
        assertThat(dir.resolve("site")).doesNotExist();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("status").asText()).isEqualTo("failed");
        assertThat(report.path("errors").get(0).path("file").asText()).isEqualTo("en/a.md");
    }

    @Test
    void aMissingSourceFolderIsAClearError() {
        int code = run("build", "--source", dir.resolve("nope").toString(), "--out", dir.resolve("site").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error: the content folder").contains("does not exist");
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertThat(run("build", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }
}
