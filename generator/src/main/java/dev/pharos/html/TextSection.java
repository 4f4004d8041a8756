package dev.pharos.html;

/**
 * The plain text of one part of an article, for search: the part before the first heading has an empty anchor.
 *
 * @param anchor  the heading's id, to deep-link a search result ({@code #network-fees})
 * @param heading the heading text, empty for the introduction
 * @param level   2 for {@code h2}, 3 for {@code h3}..., 0 for the introduction
 * @param text    the words under the heading, code blocks left out
 */
public record TextSection(String anchor, String heading, int level, String text) {
}
