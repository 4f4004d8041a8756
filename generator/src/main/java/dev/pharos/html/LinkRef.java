package dev.pharos.html;

/**
 * A link or image found in an article, as written and as resolved, so checks can report broken ones.
 *
 * @param line     source line, 0 when unknown
 * @param href     as written by the writer
 * @param target   the site path it resolves to (no anchor), or null for external and unresolved links
 * @param anchor   the {@code #fragment}, without '#', or empty
 * @param image    an image rather than a link
 * @param resolved false when it points to nothing (a missing page or file)
 */
public record LinkRef(int line, String href, String target, String anchor, boolean image, boolean resolved) {
}
