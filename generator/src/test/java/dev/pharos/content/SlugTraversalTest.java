package dev.pharos.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.Problem;
import dev.pharos.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slug that tries to be a path stays one folder inside the site, and the writer is told (issue 13). */
class SlugTraversalTest {

    @TempDir
    Path dir;

    @Test
    void aTraversingSlugStaysInsideTheSiteWithAWarningNamingWhatItBecame() throws Exception {
        TestSites content = TestSites.at(dir.resolve("c"))
                .page("en/a.md", "title: A\nslug: \"../../../../../tmp/x\"", "text");
        Path out = dir.resolve("site");
        BuildResult result = Pharos.build(content.options(out));
        assertThat(result.warnings()).extracting(Problem::toString).containsExactly("en/a.md:3: warning: slug"
                + " '../../../../../tmp/x' is not one URL segment (it has '/', '\\' or '..'), so the page is at"
                + " '..-..-..-..-..-tmp-x' instead; give the slug as one name without them");
        assertThat(out.resolve("en/..-..-..-..-..-tmp-x/index.html")).isRegularFile();
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("c", "site");
        }
    }

    @Test
    void slashesAndBackslashesAreReportedOrdinarySlugsAreNot() {
        TestSites content = TestSites.at(dir.resolve("c"))
                .page("en/a.md", "title: A\nslug: guides/fees", "text")
                .page("en/b.md", "title: B\nslug: 'C:\\Windows'", "text")
                .page("en/c.md", "title: C\nslug: Network Fees (ERC20)", "text");
        Site site = ContentLoader.load(content.root(), new ContentLoader.Options(false, TestSites.TODAY));
        assertThat(site.problems()).extracting(Problem::location, Problem::isError)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("en/a.md:3", false),
                        org.assertj.core.groups.Tuple.tuple("en/b.md:3", false));
        assertThat(site.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("'guides-fees'"))
                .anySatisfy(m -> assertThat(m).contains("'c-windows'"));
        assertThat(site.pages()).extracting(Page::url).contains("/en/network-fees-(erc20)/");
    }
}
