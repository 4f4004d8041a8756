package dev.pharos;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A successful build: where the site is, what it holds, the warnings to show, and how long each stage took.
 *
 * @param output   the site folder
 * @param pages    every page written, in locale and URL order
 * @param warnings problems that did not stop the build
 * @param timings  milliseconds per stage in the order the stages ran ({@code load}, {@code markdown},
 *                 {@code render}, {@code search}, ..., {@code write}), then {@code total}
 * @param files    the number of files in the site
 */
public record BuildResult(Path output, List<PageSummary> pages, List<Problem> warnings, Map<String, Long> timings,
        int files) {

    /**
     * One page of the built site, as tools and CI see it in the report; {@code markdown} is the site path of its
     * Markdown twin ({@code /en/account/faq/index.md}), or null when it has none.
     */
    public record PageSummary(String source, String locale, String url, String title, String section, String kind,
            boolean fallback, boolean draft, String markdown) {
    }

    public BuildResult {
        pages = List.copyOf(pages);
        warnings = List.copyOf(warnings);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }
}
