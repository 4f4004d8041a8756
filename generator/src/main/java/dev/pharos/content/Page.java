package dev.pharos.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of the site in one locale, as loaded from Markdown (not yet rendered).
 *
 * @param kind          home, section or article
 * @param id            the same in every locale: the path under the locale folder without {@code .md}, slugged
 *                      ({@code ""} for home, {@code account}, {@code account/verify-identity})
 * @param locale        the locale the page is published under
 * @param contentLocale the language of its text; differs from {@code locale} on a fallback page
 * @param source        the Markdown file relative to the content root ({@code en/account/faq.md}); null for a
 *                      section that has no {@code _index.md}
 * @param sourcePath    the Markdown file on disk, or null
 * @param url           the site path, starting with the base path ({@code /en/account/faq/})
 * @param sectionId     the id of the section it belongs to ({@code ""} is the home page); null for a home page
 * @param markdown      the body after the front matter
 * @param bodyLine      the 1-based line of the file where {@code markdown} starts
 * @param codes         the error codes that lead here ({@code codes:} and heading blocks); none on a fallback page
 * @param fallback      true when the locale has no translation and this page shows another locale's text
 * @param params        the whole front matter with lower-cased keys, for templates
 */
public record Page(
        PageKind kind,
        String id,
        String locale,
        String contentLocale,
        String source,
        Path sourcePath,
        String url,
        String sectionId,
        String title,
        String description,
        String summary,
        long weight,
        List<String> tags,
        LocalDate date,
        LocalDate lastmod,
        LocalDate reviewed,
        List<String> aliases,
        List<ErrorCode> codes,
        boolean draft,
        String type,
        String layout,
        String ticketCategory,
        boolean urgent,
        String icon,
        Map<String, Object> params,
        String markdown,
        int bodyLine,
        boolean fallback) {

    public Page {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        codes = List.copyOf(codes);
        params = params == null ? Map.of() : params;
    }

    /**
     * What tells pages apart (a site has one page per locale and id, and a fallback copy is marked), rather than the
     * record's hash of every component: pages key the maps of a build, and a page's text and front matter are large.
     */
    @Override
    public int hashCode() {
        return (locale.hashCode() * 31 + id.hashCode()) * 31 + Boolean.hashCode(fallback);
    }

    public boolean isFaq() {
        return "faq".equalsIgnoreCase(type);
    }

    /** The newest of {@code lastmod} and {@code date}: when the text last changed. */
    public Optional<LocalDate> updated() {
        return Optional.ofNullable(lastmod).or(() -> Optional.ofNullable(date));
    }

    /** The date a reviewer last confirmed the text: {@code reviewed}, else {@link #updated()}. */
    public Optional<LocalDate> reviewedOrUpdated() {
        return Optional.ofNullable(reviewed).or(this::updated);
    }

    /**
     * True when {@code other} differs from this page in its body only ({@code markdown}, {@code bodyLine}): every
     * other page of the site that shows something of this one (a link, its title, a listing) shows the same.
     */
    public boolean sameApartFromBody(Page other) {
        return new Page(kind, id, locale, contentLocale, source, sourcePath, url, sectionId, title, description, summary,
                weight, tags, date, lastmod, reviewed, aliases, codes, draft, type, layout, ticketCategory, urgent, icon,
                params, other.markdown, other.bodyLine, fallback).equals(other);
    }

    /** A copy published under another locale with this page's text (a missing translation). */
    Page asFallback(String otherLocale, String otherUrl, String otherSectionId) {
        return new Page(kind, id, otherLocale, contentLocale, source, sourcePath, otherUrl, otherSectionId, title,
                description, summary, weight, tags, date, lastmod, reviewed, List.of(), List.of(), draft, type, layout,
                ticketCategory, urgent, icon, params, markdown, bodyLine, true);
    }
}
