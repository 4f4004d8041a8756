package dev.pharos.html;

import dev.pharos.markdown.MarkdownText;
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
 * @param markdown  where the body's links and raw HTML are in its Markdown, for its twin; null when not kept
 */
public record ProcessedHtml(String html, String introHtml, List<FaqEntry> faq, List<TocEntry> toc,
        List<TextSection> sections, List<LinkRef> links, Set<String> anchors, String excerpt,
        MarkdownText.Source markdown) {

    public ProcessedHtml(String html, String introHtml, List<FaqEntry> faq, List<TocEntry> toc,
            List<TextSection> sections, List<LinkRef> links, Set<String> anchors, String excerpt) {
        this(html, introHtml, faq, toc, sections, links, anchors, excerpt, null);
    }

    /** The same, with the parsed Markdown it came from (for the page's Markdown twin). */
    public ProcessedHtml withMarkdown(MarkdownText.Source source) {
        return new ProcessedHtml(html, introHtml, faq, toc, sections, links, anchors, excerpt, source);
    }
}
