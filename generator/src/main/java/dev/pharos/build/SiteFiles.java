package dev.pharos.build;

import dev.pharos.PharosException;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.content.Site;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site-level files every help center needs beside its pages, each from a theme template: the language
 * chooser at {@code /}, 404 pages, the no-JavaScript article list at {@code /<locale>/search/}, alias redirects and
 * {@code _redirects}, error code links ({@link CodePages}), {@code sitemap.xml} with {@code hreflang} alternates, {@code robots.txt}, Atom feeds for
 * announcement sections, and the Markdown twins with {@code llms.txt} ({@link MarkdownTwins}).
 */
final class SiteFiles {

    /** A section with this id, or {@code feed: true} in its {@code _index.md}, gets an Atom feed. */
    static final String ANNOUNCEMENTS = "announcements";

    /** Generated pages listed in the sitemap; search and 404 pages are not for search engines. */
    static final java.util.Set<String> INDEXED_KINDS = java.util.Set.of("contact", "verify");

    private final BuildContext context;
    private final Site site;

    SiteFiles(BuildContext context) {
        this.context = context;
        this.site = context.site();
    }

    void write() throws PharosException {
        String defaultLocale = site.config().defaultLocale();
        String base = site.config().basePath();
        for (LocaleInfo locale : site.config().locales()) {
            String code = locale.code();
            var strings = context.strings(code);
            context.renderPage("search", code, context.models().generatedView("search", code, strings.get("search.title"),
                    "", base + code + "/search/"), Map.of("allSections", context.models().allSections(code)),
                    base + code + "/search/");
            context.renderPage("404", code, context.models().generatedView("notfound", code, strings.get("notfound.title"),
                    "", base + code + "/404.html"), Map.of(), base + code + "/404.html");
        }
        context.renderPage("404", defaultLocale, context.models().generatedView("notfound", defaultLocale,
                context.strings(defaultLocale).get("notfound.title"), "", base + "404.html"), Map.of(), base + "404.html");
        writeRoot();
        writeRedirects();
        new CodePages(context).write();
        new MarkdownTwins(context).write();
        writeFeeds();
    }

    /**
     * The preview's patch after edits to the bodies of {@code edited} ({@link SiteBuilder#build(dev.pharos.BuildOptions,
     * java.util.Collection)}): of the files above, those that show a page's body. Lists, redirects, the sitemap and
     * {@code llms.txt} show titles, descriptions, dates and URLs, which such edits leave alone.
     */
    void writePatch(List<Page> edited) throws PharosException {
        new CodePages(context).write();
        new MarkdownTwins(context).writePatch(edited);
        writeFeeds();
    }

    private void writeRoot() throws PharosException {
        String locale = site.config().defaultLocale();
        Map<String, Object> model = context.models().common(locale, context.models().generatedView("root", locale,
                site.config().title(locale), "", site.config().basePath()), null);
        context.write("root", locale, model, "index.html", "root");
    }

    private void writeRedirects() throws PharosException {
        List<Map<String, String>> redirects = new ArrayList<>();
        for (Page page : site.pages()) {
            for (String alias : page.aliases()) {
                Map<String, String> r = new LinkedHashMap<>();
                r.put("from", alias);
                r.put("to", page.url());
                redirects.add(r);
                Map<String, Object> model = context.models().common(page.locale(), context.models().pageView(page), page);
                model.put("target", page.url());
                context.write("redirect", page.locale(), model, context.outputPath(alias), page.source());
            }
        }
        redirects.sort(Comparator.comparing((Map<String, String> r) -> r.get("from")));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("redirects", redirects);
        context.write("_redirects", site.config().defaultLocale(), model, "_redirects", "redirects");
    }

    void writeSitemap() throws PharosException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Page page : site.pages()) {
            if (page.fallback() || page.draft()) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", page.url());
            entry.put("lastmod", page.updated().map(LocalDate::toString).orElse(""));
            List<Map<String, String>> alternates = new ArrayList<>();
            for (Map.Entry<String, Page> t : site.translations(page).entrySet()) {
                if (!t.getValue().fallback()) {
                    alternates.add(Map.of("lang", t.getKey(), "url", t.getValue().url()));
                }
            }
            entry.put("alternates", alternates.size() > 1 ? alternates : List.of());
            entries.add(entry);
        }
        // Generated pages worth finding (contact, verify): one entry per locale, the others as alternates.
        Map<String, List<BuildContext.GeneratedPage>> byKind = new java.util.TreeMap<>();
        for (BuildContext.GeneratedPage generated : context.generatedPages()) {
            if (INDEXED_KINDS.contains(generated.kind())) {
                byKind.computeIfAbsent(generated.kind(), k -> new ArrayList<>()).add(generated);
            }
        }
        for (List<BuildContext.GeneratedPage> group : byKind.values()) {
            group.sort(Comparator.comparing(BuildContext.GeneratedPage::url));
            List<Map<String, String>> alternates = group.stream()
                    .map(g -> Map.of("lang", g.locale(), "url", g.url())).toList();
            for (BuildContext.GeneratedPage generated : group) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("url", generated.url());
                entry.put("lastmod", "");
                entry.put("alternates", alternates.size() > 1 ? alternates : List.of());
                entries.add(entry);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entries", entries);
        model.put("site", context.models().siteView(site.config().defaultLocale()));
        context.write("sitemap.xml", site.config().defaultLocale(), model, "sitemap.xml", "sitemap");
        context.write("robots.txt", site.config().defaultLocale(), model, "robots.txt", "robots");
    }

    private void writeFeeds() throws PharosException {
        for (Page section : site.pages()) {
            boolean feed = section.kind() == PageKind.SECTION && !section.fallback()
                    && (section.id().equals(ANNOUNCEMENTS) || Boolean.TRUE.equals(section.params().get("feed")));
            if (!feed) {
                continue;
            }
            List<Page> items = new ArrayList<>(site.articlesUnder(section).stream().filter(p -> !p.fallback()).toList());
            items.sort(Comparator.comparing((Page p) -> p.date() == null ? LocalDate.MIN : p.date()).reversed()
                    .thenComparing(Page::id));
            Map<String, Object> model = context.models().common(section.locale(), context.models().pageView(section), section);
            model.put("items", items.stream().limit(50).map(p -> context.models().pageView(p)).toList());
            model.put("feedUrl", section.url() + "atom.xml");
            context.write("atom.xml", section.locale(), model, context.outputPath(section.url()) .replace("index.html", "atom.xml"),
                    section.source() == null ? section.url() : section.source());
        }
    }
}
