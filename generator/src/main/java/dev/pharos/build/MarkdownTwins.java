package dev.pharos.build;

import dev.pharos.PharosException;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.content.Site;
import dev.pharos.html.LinkRef;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.internal.Parallel;
import dev.pharos.markdown.MarkdownText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What AI assistants and other tools read: a Markdown twin of every published article ({@code index.md} beside its
 * {@code index.html}), {@code /llms.txt} (the llms.txt convention: the site, then per locale a link to every twin
 * in the site's order) and {@code /<locale>/llms-full.txt} (every article of a locale in one file). Each comes from
 * a theme template ({@code page.md}, {@code llms.txt}, {@code llms-full.txt}).
 *
 * <p>Fallback pages (a missing translation) and drafts get no twin: the default language's twin is the text, and
 * the fallback page's {@code <link rel="alternate" type="text/markdown">} points there.
 */
final class MarkdownTwins {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final BuildContext context;
    private final Site site;

    MarkdownTwins(BuildContext context) {
        this.context = context;
        this.site = context.site();
    }

    /** True for the pages that get a twin: published articles and FAQ pages in their own language. */
    static boolean hasTwin(Page page) {
        return page.kind() == PageKind.ARTICLE && !page.fallback() && !page.draft() && page.source() != null
                && !BuildContext.isClaimed(page);
    }

    /** The site path of a page's twin: {@code /en/account/faq/index.md}. */
    static String twinUrl(Page page) {
        return page.url() + "index.md";
    }

    void write() throws PharosException {
        Map<Page, Views.MarkdownView> views = writeTwins(site.pages());
        List<Views.LlmsLocaleView> locales = new ArrayList<>();
        Map<LocaleInfo, List<Page>> orders = new LinkedHashMap<>();
        for (LocaleInfo locale : site.config().locales()) {
            List<Page> ordered = readingOrder(locale.code()).stream().filter(views::containsKey).toList();
            Views.SiteView siteView = context.models().siteView(locale.code());
            locales.add(new Views.LlmsLocaleView(locale.code(), locale.label(), siteView.title(),
                    oneLine(siteView.description()), fullUrl(locale), ordered.stream().map(views::get).toList()));
            orders.put(locale, ordered);
        }
        // Side by side: each is one template run over every article of its locale, on one thread.
        Parallel.forEach(site.config().locales(), locale -> writeFull(locale, orders.get(locale)));
        String defaultLocale = site.config().defaultLocale();
        Views.SiteView siteView = context.models().siteView(defaultLocale);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", siteView);
        model.put("description", oneLine(siteView.description()));
        model.put("locales", locales);
        context.write("llms.txt", defaultLocale, model, "llms.txt", "llms.txt");
    }

    /**
     * After edits to the bodies of {@code edited} (the preview's patch): their twins and every locale's
     * {@code llms-full.txt}. {@code llms.txt} lists titles, descriptions and dates, which such edits leave alone.
     */
    void writePatch(List<Page> edited) throws PharosException {
        writeTwins(edited);
        for (LocaleInfo locale : site.config().locales()) {
            writeFull(locale, readingOrder(locale.code()).stream().filter(MarkdownTwins::hasTwin).toList());
        }
    }

    /** The twins of those of {@code candidates} that have one; returns their views without bodies. */
    private Map<Page, Views.MarkdownView> writeTwins(List<Page> candidates) throws PharosException {
        List<Page> pages = candidates.stream().filter(MarkdownTwins::hasTwin).toList();
        // Without their bodies: all of a large site's Markdown would not fit in the heap a second time.
        Map<Page, Views.MarkdownView> views = new ConcurrentHashMap<>();
        Parallel.forEach(pages, page -> {
            // With the build cache, the twin's text is made only if its page is not kept.
            String standIn = standIn(page);
            Views.MarkdownView keyView = keyView(page, standIn);
            views.put(page, withoutBody(keyView));
            context.write("page.md", page.locale(), twinModel(page, keyView),
                    () -> twinModel(page, standIn == null ? keyView : view(page)),
                    context.outputPath(twinUrl(page)), page.source());
        });
        return views;
    }

    private Map<String, Object> twinModel(Page page, Views.MarkdownView view) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", context.models().siteView(page.locale()));
        model.put("twin", view);
        return model;
    }

    private String fullUrl(LocaleInfo locale) {
        return context.models().absolute(site.config().basePath() + locale.code() + "/llms-full.txt");
    }

    /** A locale's {@code llms-full.txt}: the articles in {@code ordered}, whole. */
    private void writeFull(LocaleInfo locale, List<Page> ordered) throws PharosException {
        Views.SiteView siteView = context.models().siteView(locale.code());
        String fullUrl = fullUrl(locale);
        // Each article's view is made as the template reaches it, and dropped after.
        List<Views.MarkdownView> full = new java.util.AbstractList<>() {
            @Override
            public Views.MarkdownView get(int index) {
                return view(ordered.get(index));
            }

            @Override
            public int size() {
                return ordered.size();
            }
        };
        Map<String, Object> model = fullModel(locale, siteView, fullUrl, full);
        String path = locale.code() + "/llms-full.txt";
        if (context.previewing()) {
            // Every article of the locale, tens of megabytes on a large site, and no reloaded page needs it:
            // written after the reload, straight into the site, like the search index.
            context.output().keep(path);
            context.defer(() -> context.writeLargeInPlace("llms-full.txt", locale.code(), model, path));
        } else if (context.keepsPages()) {
            // Kept in the build cache under the articles' stand-ins: an edit in another locale leaves it as it was.
            List<Views.MarkdownView> keyViews = ordered.stream().map(page -> keyView(page, standIn(page))).toList();
            Map<String, Object> keyModel = fullModel(locale, siteView, fullUrl, keyViews);
            context.writeLarge("llms-full.txt", locale.code(), keyModel, () -> model, path, "llms-full.txt");
        } else {
            context.writeLarge("llms-full.txt", locale.code(), model, path, "llms-full.txt");
        }
    }

    private Map<String, Object> fullModel(LocaleInfo locale, Views.SiteView siteView, String fullUrl,
            List<Views.MarkdownView> articles) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", siteView);
        model.put("locale", new Views.LlmsLocaleView(locale.code(), locale.label(), siteView.title(),
                oneLine(siteView.description()), fullUrl, articles));
        return model;
    }

    /**
     * A page's twin for a key: with the build cache, its text is a {@linkplain BuildContext#standIn stand-in}
     * naming the body it is made from, so a kept file is found without making the text.
     */
    private Views.MarkdownView keyView(Page page, String standIn) {
        return standIn == null ? view(page) : view(page, standIn);
    }

    private String standIn(Page page) {
        return context.standIn(context.processed(page).orElseThrow(), "twin");
    }

    private static Views.MarkdownView withoutBody(Views.MarkdownView view) {
        return new Views.MarkdownView(view.title(), view.description(), view.url(), view.markdownUrl(), view.updated(), "");
    }

    /** Articles of a locale as the site's navigation lists them: those at the top, then each section's in turn. */
    private List<Page> readingOrder(String locale) {
        Page home = site.home(locale);
        List<Page> out = new ArrayList<>(site.childArticles(home));
        for (Page section : site.childSections(home)) {
            out.addAll(site.articlesUnder(section));
        }
        return out;
    }

    private Views.MarkdownView view(Page page) {
        // Every page with a twin has a body the HTML build processed, with where its links and raw HTML are.
        ProcessedHtml html = context.processed(page).orElseThrow();
        java.util.function.Supplier<String> text = () -> MarkdownText.forReaders(
                Objects.requireNonNull(html.markdown(), page.source()), site.config().trustedHtml(),
                rewriter(page, html)).strip();
        String body = context.renders() == null ? text.get() : context.renders().twin(page.url(), html, text);
        // Made from the body, the page's URL (in the body's key) and the site's origin (in every page key).
        context.vouchDerived(body, html, "twin");
        return view(page, body);
    }

    private Views.MarkdownView view(Page page, String body) {
        return new Views.MarkdownView(page.title(), oneLine(context.models().description(page)),
                context.models().absolute(page.url()), context.models().absolute(twinUrl(page)),
                page.updated().orElse(null), body);
    }

    /**
     * Link destinations as the HTML build resolved them, made absolute: a twin is read on its own, often far from
     * the site, so every link names a page a reader can open (the page, not its twin: that is what to cite).
     */
    private UnaryOperator<String> rewriter(Page page, ProcessedHtml html) {
        Map<String, String> resolved = new HashMap<>();
        for (LinkRef link : html.links()) {
            if (link.resolved() && link.target() != null) {
                resolved.putIfAbsent(link.href(), link.target() + (link.anchor().isEmpty() ? "" : "#" + link.anchor()));
            }
        }
        return written -> {
            String href = written.strip();
            if (href.isEmpty() || SCHEME.matcher(href).find() || href.startsWith("//")) {
                return null;
            }
            if (href.startsWith("#")) {
                return context.models().absolute(page.url()) + href;
            }
            if (href.startsWith("/")) {
                return context.models().absolute(href);
            }
            String target = resolved.get(href);
            return target == null ? null : context.models().absolute(target);
        };
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
