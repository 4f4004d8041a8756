package dev.pharos.build;

import dev.pharos.html.FaqEntry;
import dev.pharos.html.TocEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What templates see. Every record here is documented in the README's template reference; a theme may rely on
 * any component by name ({@code page.title}, {@code page.toc}, {@code lang.code}).
 */
public final class Views {

    private Views() {
    }

    /** The site: {@code site.title} is in the current locale. */
    public record SiteView(String title, String description, String baseUrl, String basePath, String defaultLocale,
            List<LocaleView> locales, Map<String, Object> params) {
    }

    /** A locale with the URLs of its fixed pages. */
    public record LocaleView(String code, String label, String dir, String language, String homeUrl, String searchUrl,
            String contactUrl, String verifyUrl) {
    }

    /** A link to a page, with what a list needs to show about it. */
    public record LinkView(String title, String url, String description, String kind, boolean faq, String updatedText,
            String sectionTitle) {
    }

    /** One step of a breadcrumb trail. */
    public record Crumb(String title, String url) {
    }

    /** The same page in another language, for the switcher and {@code hreflang}. */
    public record TranslationView(String code, String label, String dir, String url, boolean current, boolean fallback,
            boolean available) {
    }

    /** A section with its articles and subsections, for the home grid, section pages and the all-articles list. */
    public record SectionView(String id, String title, String url, String description, String icon, boolean urgent,
            int count, List<LinkView> articles, List<SectionView> sections) {
    }

    /**
     * The page being rendered. Generated pages ({@code search}, {@code contact}, {@code verify}, {@code notfound})
     * have a kind, title and URL and leave content fields empty. {@code markdownUrl} is the site path of the
     * page's Markdown twin (the default language's on a fallback page), or empty when it has none.
     */
    public record PageView(
            String kind,
            String id,
            String url,
            String absoluteUrl,
            String canonicalUrl,
            String title,
            String description,
            String summary,
            String contentHtml,
            String introHtml,
            List<FaqEntry> faq,
            List<TocEntry> toc,
            List<Crumb> breadcrumbs,
            Crumb section,
            SectionView listing,
            LocalDate updated,
            String updatedText,
            LocalDate date,
            String dateText,
            List<String> tags,
            boolean draft,
            boolean fallback,
            String contentLocale,
            String contentLabel,
            String contentDir,
            LinkView prev,
            LinkView next,
            List<LinkView> related,
            boolean urgent,
            boolean faqPage,
            String ticketCategory,
            String icon,
            String source,
            String editUrl,
            Map<String, Object> params,
            String markdownUrl) {
    }

    /**
     * An article as Markdown, for its twin ({@code index.md} beside the page) and {@code llms-full.txt}: {@code url}
     * is the page's (absolute when the site has a base URL), {@code markdownUrl} the twin's, {@code body} the text
     * as the writer wrote it (see {@link dev.pharos.markdown.MarkdownText}).
     */
    public record MarkdownView(String title, String description, String url, String markdownUrl, LocalDate updated,
            String body) {
    }

    /** One locale in {@code llms.txt}: its label, its {@code llms-full.txt} and its articles in the site's order. */
    public record LlmsLocaleView(String code, String label, String title, String description, String fullUrl,
            List<MarkdownView> pages) {
    }

    /**
     * An announcement's site-wide banner ({@code banners} in every template, most severe first): {@code expires}
     * is an ISO-8601 instant ({@code 2027-06-30T00:00:00Z}) the theme's script compares with the clock;
     * {@code contentLocale} is the language of the text (another one when the locale has no translation).
     */
    public record BannerView(String id, String title, String description, String url, String severity,
            String expires, String contentLocale, String contentDir) {
    }
}
