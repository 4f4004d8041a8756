package dev.pharos.search;

import java.util.List;

/**
 * One page as the index sees it.
 *
 * @param url         the page's site path ({@code /en/account/faq/})
 * @param title       the page title
 * @param section     the title of the section the page is in, shown under a result; empty at the top level
 * @param description the page's description or summary, shown as the excerpt of a title match; may be empty
 * @param keywords    tags and keywords from the front matter, weighted like headings
 * @param parts       the page cut at its headings; part 0 is the top of the page (empty anchor and heading)
 * @param boost       a factor on every weight of the page: below 1 for pages that only lead to answers (sections)
 */
public record SearchDocument(String url, String title, String section, String description, List<String> keywords,
        List<Part> parts, double boost) {

    public SearchDocument {
        keywords = List.copyOf(keywords);
        parts = List.copyOf(parts);
        if (parts.isEmpty() || !parts.get(0).anchor().isEmpty()) {
            throw new IllegalArgumentException("part 0 must be the top of the page");
        }
    }

    /**
     * The text under one heading.
     *
     * @param anchor  the heading's id, for a deep link; empty for the top of the page
     * @param heading the heading text (a FAQ question), empty for the top
     * @param text    the words under the heading
     * @param answer  the instant answer the search may show above the results when the reader asks this question
     *                (a FAQ answer; part 0: the article's summary), as {@link Answers} shapes it; empty when none
     */
    public record Part(String anchor, String heading, String text, String answer) {

        public Part(String anchor, String heading, String text) {
            this(anchor, heading, text, "");
        }
    }
}
