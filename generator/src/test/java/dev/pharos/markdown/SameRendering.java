package dev.pharos.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Checks a quicker part of the Markdown stage against flexmark's own on real pages: the same bytes, page by page. */
final class SameRendering {

    private SameRendering() {
    }

    static String html(MarkdownRenderer renderer, String markdown) {
        return renderer.render(markdown, "en/x.md", 1, new ArrayList<>());
    }

    /**
     * Renders every page of both corpora (over 2,000, English and Chinese) with both renderers and asserts the same
     * HTML; returns the number of pages {@code counted} holds for (given the Markdown and the reference HTML), so
     * that a test can show the pages exercised what it replaced.
     */
    static int onEveryPageOfTheCorpora(MarkdownRenderer quick, MarkdownRenderer reference,
            BiPredicate<String, String> counted) throws IOException {
        List<Path> files = TestSites.markdownFiles("cloudwego", "tldr");
        assertThat(files).hasSizeGreaterThan(2_000);
        int count = 0;
        for (Path file : files) {
            String markdown = Files.readString(file);
            String expected = html(reference, markdown);
            if (counted.test(markdown, expected)) {
                count++;
            }
            assertThat(html(quick, markdown)).as(file.toString()).isEqualTo(expected);
        }
        return count;
    }
}
