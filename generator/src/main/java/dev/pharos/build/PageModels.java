package dev.pharos.build;

import dev.pharos.content.Banner;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.content.Site;
import dev.pharos.content.SiteConfig;
import dev.pharos.html.ProcessedHtml;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the variables each template gets. Data only: every piece of markup is in the theme.
 *
 * <p>Common to all templates: {@code site}, {@code lang}, {@code nav} (top sections), {@code translations} (the
 * language switcher), {@code page}. Home pages add {@code home.sections} and {@code home.popular}; the search page
 * adds {@code allSections}.
 */
public final class PageModels {

    private static final int RELATED = 5;
    private static final int SECTION_PREVIEW = 5;
    /** Made once per locale, not once per date: each one looks up its locale's pattern (formatters are immutable). */
    private static final Map<String, DateTimeFormatter> DATE_FORMATS = new ConcurrentHashMap<>();

    private final BuildContext context;
    private final Site site;
    private final SiteConfig config;
    private final Map<String, List<Views.SectionView>> navByLocale = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<Page>>> tagsByLocale = new ConcurrentHashMap<>();
    private final Map<String, List<Views.BannerView>> bannersByLocale = new ConcurrentHashMap<>();

    PageModels(BuildContext context) {
        this.context = context;
        this.site = context.site();
        this.config = site.config();
    }

    /** The variables every template gets; {@code content} is the content page or null for a generated page. */
    public Map<String, Object> common(String locale, Views.PageView page, Page content) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", siteView(locale));
        model.put("lang", localeView(config.locale(locale).orElseThrow()));
        model.put("nav", nav(locale));
        model.put("translations", translations(locale, page, content));
        model.put("page", page);
        model.put("banners", banners(locale));
        return model;
    }

    /**
     * The banners of active, unexpired announcements shown in a locale: its own announcement, else the one shown in
     * its place (the fallback copy), else the default locale's. Most severe first, then newest.
     */
    public List<Views.BannerView> banners(String locale) {
        return bannersByLocale.computeIfAbsent(locale, l -> {
            Map<String, Page> withBanner = new java.util.TreeMap<>();
            for (Page page : site.pages()) {
                if (Banner.of(page).isPresent()) {
                    withBanner.putIfAbsent(page.id(), page);
                }
            }
            List<Page> shown = new ArrayList<>();
            withBanner.forEach((id, first) -> {
                Page page = site.page(l, id).or(() -> site.page(config.defaultLocale(), id)).orElse(first);
                if (Banner.of(page).filter(b -> b.showsAt(context.options().now())).isPresent()) {
                    shown.add(page);
                }
            });
            shown.sort(Comparator.comparingInt((Page p) -> -Banner.SEVERITIES.indexOf(Banner.of(p).orElseThrow().severity()))
                    .thenComparing((Page p) -> p.date() == null ? LocalDate.MIN : p.date(), Comparator.reverseOrder())
                    .thenComparing(Page::id));
            return shown.stream().map(p -> {
                LocaleInfo text = config.locale(p.contentLocale()).orElse(config.defaultLocaleInfo());
                return new Views.BannerView(p.id(), p.title(), description(p), p.url(),
                        Banner.of(p).orElseThrow().severity(), Banner.of(p).orElseThrow().expires().toString(),
                        text.code(), text.dir());
            }).toList();
        });
    }

    /** The full model for a content page. */
    Map<String, Object> forPage(Page page) {
        Views.PageView view = pageView(page);
        Map<String, Object> model = common(page.locale(), view, page);
        if (page.kind() == PageKind.HOME) {
            Map<String, Object> home = new LinkedHashMap<>();
            home.put("sections", nav(page.locale()));
            home.put("popular", popular(page.locale()));
            model.put("home", home);
        }
        return model;
    }

    public Views.SiteView siteView(String locale) {
        List<Views.LocaleView> locales = config.locales().stream().map(this::localeView).toList();
        return new Views.SiteView(config.title(locale), config.description().get(locale, config.defaultLocale()),
                config.baseUrl(), config.basePath(), config.defaultLocale(), locales, config.params());
    }

    public Views.LocaleView localeView(LocaleInfo locale) {
        String home = config.basePath() + locale.code() + "/";
        return new Views.LocaleView(locale.code(), locale.label(), locale.dir(), locale.language(), home,
                home + "search/", home + "contact/", home + "verify/");
    }

    /** Top-level sections of a locale with a preview of their articles (the home grid and the header menu). */
    public List<Views.SectionView> nav(String locale) {
        return navByLocale.computeIfAbsent(locale, l -> {
            Page home = site.home(l);
            return site.childSections(home).stream().map(s -> sectionView(s, SECTION_PREVIEW, 1)).toList();
        });
    }

    /** Every section of a locale with all its articles, nested: the no-JavaScript article list. */
    public List<Views.SectionView> allSections(String locale) {
        Page home = site.home(locale);
        List<Views.SectionView> out = new ArrayList<>();
        List<Views.LinkView> loose = site.childArticles(home).stream().map(this::link).toList();
        if (!loose.isEmpty()) {
            out.add(new Views.SectionView("", home.title(), home.url(), "", "", false, loose.size(), loose, List.of()));
        }
        for (Page section : site.childSections(home)) {
            out.add(sectionView(section, Integer.MAX_VALUE, Integer.MAX_VALUE));
        }
        return out;
    }

    Views.SectionView sectionView(Page section, int articleLimit, int depth) {
        List<Page> articles = site.childArticles(section);
        List<Views.SectionView> children = depth <= 0 ? List.of()
                : site.childSections(section).stream().map(s -> sectionView(s, articleLimit, depth - 1)).toList();
        int count = site.articlesUnder(section).size();
        return new Views.SectionView(section.id(), section.title(), section.url(), description(section), section.icon(),
                isUrgent(section), count, articles.stream().limit(articleLimit).map(this::link).toList(), children);
    }

    public Views.LinkView link(Page page) {
        Optional<Page> parent = page.sectionId() == null ? Optional.empty() : site.page(page.locale(), page.sectionId());
        return new Views.LinkView(page.title(), page.url(), description(page), kindName(page), page.isFaq(),
                page.updated().map(d -> dateText(d, page.locale())).orElse(""),
                parent.filter(p -> p.kind() == PageKind.SECTION).map(Page::title).orElse(""));
    }

    private List<Views.LinkView> popular(String locale) {
        List<Page> chosen = new ArrayList<>();
        for (String id : config.pinned()) {
            site.page(locale, id.replaceAll("^/+|/+$", "").replaceAll("\\.md$", "")).ifPresent(chosen::add);
        }
        site.pages(locale).stream().filter(p -> Boolean.TRUE.equals(p.params().get("pinned")))
                .filter(p -> !chosen.contains(p)).forEach(chosen::add);
        if (chosen.isEmpty()) {
            for (Page section : site.childSections(site.home(locale))) {
                site.articlesUnder(section).stream().findFirst().ifPresent(chosen::add);
            }
        }
        return chosen.stream().limit(8).map(this::link).toList();
    }

    Views.PageView pageView(Page page) {
        ProcessedHtml html = context.processed(page).orElse(null);
        List<Page> ancestors = site.ancestors(page);
        List<Views.Crumb> crumbs = ancestors.stream().map(p -> new Views.Crumb(p.title(), p.url())).toList();
        Views.Crumb section = ancestors.isEmpty() || ancestors.get(ancestors.size() - 1).kind() == PageKind.HOME ? null
                : crumbs.get(crumbs.size() - 1);
        Views.LinkView prev = null;
        Views.LinkView next = null;
        if (page.kind() == PageKind.ARTICLE && page.sectionId() != null) {
            List<Page> siblings = site.page(page.locale(), page.sectionId()).map(site::childArticles).orElse(List.of());
            int i = siblings.indexOf(page);
            if (i > 0) {
                prev = link(siblings.get(i - 1));
            }
            if (i >= 0 && i < siblings.size() - 1) {
                next = link(siblings.get(i + 1));
            }
        }
        Views.SectionView listing = page.kind() == PageKind.SECTION ? sectionView(page, Integer.MAX_VALUE, 1) : null;
        LocaleInfo contentLocale = config.locale(page.contentLocale()).orElse(config.defaultLocaleInfo());
        Page canonical = page.fallback() ? site.page(page.contentLocale(), page.id()).orElse(page) : page;
        String editUrl = config.editUrl().isEmpty() || page.source() == null ? ""
                : config.editUrl().replace("{path}", page.source());
        return new Views.PageView(
                kindName(page), page.id(), page.url(), absolute(page.url()), absolute(canonical.url()),
                page.title(), description(page), page.summary(),
                html == null ? "" : html.html(), html == null ? "" : html.introHtml(),
                html == null ? List.of() : html.faq(), html == null ? List.of() : html.toc(),
                crumbs, section, listing,
                page.updated().orElse(null), page.updated().map(d -> dateText(d, page.locale())).orElse(""),
                page.date(), page.date() == null ? "" : dateText(page.date(), page.locale()),
                page.tags(), page.draft(), page.fallback(), contentLocale.code(), contentLocale.label(),
                contentLocale.dir(), prev, next, page.kind() == PageKind.ARTICLE ? related(page) : List.of(),
                isUrgent(page), page.isFaq(), ticketCategory(page), page.icon(), page.source(), editUrl, page.params(),
                MarkdownTwins.hasTwin(canonical) ? MarkdownTwins.twinUrl(canonical) : "");
    }

    /**
     * A view for a page Pharos generates (search, contact, verify, notfound). When the locale has a Markdown page
     * with the same id, its title, description and text are used, so writers can word these pages themselves.
     */
    public Views.PageView generatedView(String kind, String locale, String title, String description, String url) {
        Optional<Page> own = site.page(locale, kind).filter(BuildContext::isClaimed);
        String shownTitle = own.map(Page::title).filter(t -> !t.isBlank()).orElse(title);
        String shownDescription = own.map(Page::description).filter(d -> !d.isBlank()).orElse(description);
        String html = own.flatMap(context::processed).map(ProcessedHtml::html).orElse("");
        return new Views.PageView(kind, kind, url, absolute(url), absolute(url), shownTitle, shownDescription, "", html,
                html, List.of(), List.of(), List.of(new Views.Crumb(site.home(locale).title(), site.home(locale).url())),
                null, null, null, "", null, "", List.of(), false, false, locale,
                config.locale(locale).map(LocaleInfo::label).orElse(locale),
                config.locale(locale).map(LocaleInfo::dir).orElse("ltr"), null, null, List.of(), false, false, null, "",
                own.map(Page::source).orElse(null), "", own.map(Page::params).orElse(Map.of()), "");
    }

    private List<Views.TranslationView> translations(String locale, Views.PageView view, Page content) {
        List<Views.TranslationView> out = new ArrayList<>();
        for (LocaleInfo l : config.locales()) {
            String url;
            boolean fallback = false;
            boolean available = true;
            if (content != null) {
                Optional<Page> other = site.page(l.code(), content.id());
                url = other.map(Page::url).orElse(config.basePath() + l.code() + "/");
                fallback = other.map(Page::fallback).orElse(false);
                available = other.isPresent();
            } else {
                String mine = config.basePath() + locale + "/";
                url = view.url().startsWith(mine) ? config.basePath() + l.code() + "/" + view.url().substring(mine.length())
                        : config.basePath() + l.code() + "/";
            }
            out.add(new Views.TranslationView(l.code(), l.label(), l.dir(), url, l.code().equals(locale), fallback, available));
        }
        return out;
    }

    /** Articles sharing tags, then neighbours in the same section; never the page itself. */
    private List<Views.LinkView> related(Page page) {
        Map<Page, Integer> score = new LinkedHashMap<>();
        Map<String, List<Page>> byTag = tagIndex(page.locale());
        for (String tag : page.tags()) {
            for (Page other : byTag.getOrDefault(tag.toLowerCase(Locale.ROOT), List.of())) {
                if (other != page) {
                    int sameSection = Objects.equals(other.sectionId(), page.sectionId()) ? 1 : 0;
                    score.merge(other, 2 + sameSection, (a, b) -> a + 2);
                }
            }
        }
        List<Page> ranked = new ArrayList<>(score.keySet());
        ranked.sort(Comparator.comparing((Page p) -> -score.get(p)).thenComparing(Page::id));
        if (ranked.size() < RELATED && page.sectionId() != null) {
            List<Page> siblings = site.page(page.locale(), page.sectionId()).map(site::childArticles).orElse(List.of());
            int at = siblings.indexOf(page);
            for (int d = 1; ranked.size() < RELATED && (at - d >= 0 || at + d < siblings.size()); d++) {
                for (int i : new int[] {at + d, at - d}) {
                    if (i >= 0 && i < siblings.size() && !ranked.contains(siblings.get(i)) && ranked.size() < RELATED) {
                        ranked.add(siblings.get(i));
                    }
                }
            }
        }
        return ranked.stream().limit(RELATED).map(this::link).toList();
    }

    private Map<String, List<Page>> tagIndex(String locale) {
        return tagsByLocale.computeIfAbsent(locale, l -> {
            Map<String, List<Page>> index = new HashMap<>();
            for (Page p : site.pages(l)) {
                if (p.kind() == PageKind.ARTICLE) {
                    p.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct()
                            .forEach(t -> index.computeIfAbsent(t, k -> new ArrayList<>()).add(p));
                }
            }
            return index;
        });
    }

    /** The ticket category of a page: its own, else the nearest section's that sets one. */
    public String ticketCategory(Page page) {
        if (page.ticketCategory() != null) {
            return page.ticketCategory();
        }
        List<Page> ancestors = site.ancestors(page);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            if (ancestors.get(i).ticketCategory() != null) {
                return ancestors.get(i).ticketCategory();
            }
        }
        return null;
    }

    /** A page is urgent when it or a section above it says {@code urgent: true} (security). */
    public boolean isUrgent(Page page) {
        return page.urgent() || site.ancestors(page).stream().anyMatch(Page::urgent);
    }

    public String description(Page page) {
        if (!page.description().isEmpty()) {
            return page.description();
        }
        if (!page.summary().isEmpty()) {
            return page.summary();
        }
        return context.excerpt(page);
    }

    public String absolute(String url) {
        return context.origin() + url;
    }

    public static String dateText(LocalDate date, String locale) {
        return DATE_FORMATS.computeIfAbsent(locale,
                code -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(code)))
                .format(date);
    }

    private static String kindName(Page page) {
        return page.kind().name().toLowerCase(Locale.ROOT);
    }
}
