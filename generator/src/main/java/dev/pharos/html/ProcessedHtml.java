package dev.pharos.html;

import java.util.List;
import java.util.Set;

/**
 * An article body after post-processing, and what was learned from it.
 *
 * @param html      the body, safe to insert into a page
 * @param introHtml for a FAQ page, the part before the first question (else the whole body)
 * @param faq       for a FAQ page, each {@code ##} question and its answer
 * @param toc       {@code h2}/{@code h3} headings, nested
 * @param sections  plain text per heading, for the search index
 * @param links     every link and image, resolved
 * @param anchors   every {@code id} in the body
 * @param excerpt   the first words of the body as plain text, for descriptions
 */
public record ProcessedHtml(String html, String introHtml, List<FaqEntry> faq, List<TocEntry> toc,
        List<TextSection> sections, List<LinkRef> links, Set<String> anchors, String excerpt) {
}
