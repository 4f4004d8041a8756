package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.TestSites;
import dev.pharos.cli.PharosCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages nested deeper than any parser can recurse (issue 13): capped with a warning, or failed with an error naming
 * the page; never a StackOverflowError ending the build with a trace. Runs on the test JVM's default stack size, as
 * {@code java -jar} and the Maven plugin do.
 */
class DeepNestingTest {

    @TempDir
    Path dir;

    static String deepQuote() {
        return "intro\n\n" + ">".repeat(20_000) + " deepest words\n";
    }

    static String deepList(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append("  ".repeat(i)).append("- item").append(i).append('\n');
        }
        return out.toString();
    }

    /** Emphasis inside emphasis: nesting the line-start cap cannot see, so only the per-page guard catches it. */
    static String deepEmphasis() {
        return "*a ".repeat(20_000) + "x" + " a*".repeat(20_000) + "\n";
    }

    @Test
    void twentyThousandQuotesBuildWithAWarningNamingTheLine() throws Exception {
        TestSites content = TestSites.at(dir.resolve("c")).page("en/deep.md", "title: Deep", deepQuote());
        BuildResult result = Pharos.build(content.options(dir.resolve("site")));
        assertThat(result.warnings()).extracting(Problem::toString).containsExactly("en/deep.md:6: warning: quotes or"
                + " lists nest more than 100 levels deep here; deeper levels are shown at level 100: nest less deeply");
        String html = TestSites.read(dir.resolve("site/en/deep/index.html"));
        assertThat(html).contains("deepest words").contains("<meta name=\"description\" content=\"intro deepest words\">");
    }

    @Test
    void aListThreeThousandDeepBuildsWithAWarningNamingTheLine() throws Exception {
        TestSites content = TestSites.at(dir.resolve("c")).page("en/deep.md", "title: Deep", deepList(3_000));
        BuildResult result = Pharos.build(content.options(dir.resolve("site")));
        // The list's indentation alone is 9 million characters: the file also gets the long-article warning.
        assertThat(result.warnings()).extracting(Problem::location).containsExactlyInAnyOrder("en/deep.md:104", "en/deep.md");
        assertThat(TestSites.read(dir.resolve("site/en/deep/index.html"))).contains("item0", "item99", "item2999");
    }

    @Test
    void nestingJustUnderTheCapGoesThroughEveryStage() throws Exception {
        String body = ">".repeat(99) + " quoted words\n\n" + deepList(99) + "\n" + "<div>".repeat(400) + "html words"
                + "</div>".repeat(400) + "\n";
        TestSites content = TestSites.at(dir.resolve("c")).file("pharos.yml", "title: T\nmarkdown:\n  trustedHtml: true\n")
                .page("en/deep.md", "title: Deep", body);
        BuildResult result = Pharos.build(content.options(dir.resolve("site")));
        assertThat(result.warnings()).isEmpty();
        String html = TestSites.read(dir.resolve("site/en/deep/index.html"));
        assertThat(html).contains("quoted words", "item98", "html words");
        assertThat(html.split("<blockquote>", -1)).hasSize(100);
    }

    @Test
    void aFaqAnswerNestedToTheCapBuildsItsInstantAnswer() throws Exception {
        String body = "## Why so deep?\n\n" + ">".repeat(20_000) + " quoted words\n\n" + deepList(3_000) + "\n"
                + "<div>".repeat(400) + "html words" + "</div>".repeat(400) + "\n";
        TestSites content = TestSites.at(dir.resolve("c")).file("pharos.yml", "title: T\nmarkdown:\n  trustedHtml: true\n")
                .page("en/deep.md", "title: Deep\ntype: faq", body);
        Pharos.build(content.options(dir.resolve("site")));
        assertThat(TestSites.read(dir.resolve("site/en/deep/index.html"))).contains("quoted words", "html words");
    }

    @Test
    void nestingNoCapCoversFailsThatPageWithAnErrorAndKeepsTheOthersProblems() throws Exception {
        TestSites content = TestSites.at(dir.resolve("c")).page("en/deep.md", "title: Deep", deepEmphasis())
                .page("en/other.md", "title: Other", "[gone](gone.md)");
        assertThatThrownBy(() -> Pharos.build(content.options(dir.resolve("site"))))
                .isInstanceOf(PharosException.class)
                .satisfies(e -> assertThat(((PharosException) e).problems()).extracting(Problem::toString)
                        .contains("en/deep.md: error: this page nests too deeply to process (quotes, lists, emphasis,"
                                + " links or HTML inside one another); nest less deeply",
                                "en/other.md:4: warning: link to 'gone.md' points to no page; check the path (it is relative to this file)"))
                .hasCauseInstanceOf(StackOverflowError.class);
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void theCommandLineReportsDeepPagesWithoutAStackTrace() {
        TestSites.at(dir.resolve("quote")).page("en/deep.md", "title: Deep", deepQuote());
        TestSites.at(dir.resolve("list")).page("en/deep.md", "title: Deep", deepList(3_000));
        TestSites.at(dir.resolve("emphasis")).page("en/deep.md", "title: Deep", deepEmphasis());

        Run quote = Run.of("build", "--source", dir.resolve("quote").toString(), "--out", dir.resolve("q").toString());
        assertThat(quote.code).isZero();
        assertThat(quote.err).contains("en/deep.md:6: warning: quotes or lists nest more than 100 levels");

        Run list = Run.of("build", "--source", dir.resolve("list").toString(), "--out", dir.resolve("l").toString());
        assertThat(list.code).isZero();
        assertThat(list.err).contains("en/deep.md:104: warning: quotes or lists nest more than 100 levels");

        Run emphasis = Run.of("build", "--source", dir.resolve("emphasis").toString(), "--out", dir.resolve("e").toString());
        assertThat(emphasis.code).isEqualTo(1);
        assertThat(emphasis.err).contains("en/deep.md: error: this page nests too deeply to process")
                .contains("Build failed: 1 error;");
        for (Run run : new Run[] {quote, list, emphasis}) {
            assertThat(run.err).doesNotContain("at com.vladsch", "\tat ", "StackOverflowError");
        }

        Run check = Run.of("check", "--no-git", "--source", dir.resolve("emphasis").toString());
        assertThat(check.code).isEqualTo(1);
        assertThat(check.err + check.out).contains("en/deep.md").contains("this page nests too deeply to process")
                .doesNotContain("\tat ", "StackOverflowError");

        Run verbose = Run.of("build", "--verbose", "--source", dir.resolve("emphasis").toString(), "--out",
                dir.resolve("e").toString());
        assertThat(verbose.code).isEqualTo(1);
        assertThat(verbose.err).contains("java.lang.StackOverflowError", "\tat ");
    }

    private record Run(int code, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = PharosCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(code, out.toString(), err.toString());
        }
    }
}
