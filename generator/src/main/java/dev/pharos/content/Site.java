package dev.pharos.content;

import dev.pharos.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything loaded from a content root: the config, every page in every locale, the files to copy, and the
 * problems found while loading. Immutable; lookups are indexed.
 */
public final class Site {

    private final Path root;
    private final SiteConfig config;
    private final List<Page> pages;
    private final List<Resource> resources;
    private final List<Problem> problems;
    /**
     * Each locale's pages by id, in id order: hash maps filled in order, not sorted maps, because every page's model
     * looks up its sections and translations, and ids share long prefixes ({@code docs/kitex/tutorials/...}) that a
     * sorted map compares again at each step of a lookup.
     */
    private final Map<String, Map<String, Page>> byLocale = new LinkedHashMap<>();
    private final Map<String, List<Page>> childrenByKey = new LinkedHashMap<>();
    private final Map<String, Page> bySource = new LinkedHashMap<>();
    private String fingerprint;

    Site(Path root, SiteConfig config, List<Page> pages, List<Resource> resources, List<Problem> problems) {
        this.root = root;
        this.config = config;
        this.pages = List.copyOf(pages);
        this.resources = List.copyOf(resources);
        this.problems = List.copyOf(problems);
        Map<String, Map<String, Page>> sorted = new LinkedHashMap<>();
        for (LocaleInfo locale : config.locales()) {
            sorted.put(locale.code(), new TreeMap<>());
        }
        for (Page page : this.pages) {
            sorted.computeIfAbsent(page.locale(), k -> new TreeMap<>()).put(page.id(), page);
            if (page.sectionId() != null) {
                childrenByKey.computeIfAbsent(page.locale() + "\u0000" + page.sectionId(), k -> new ArrayList<>()).add(page);
            }
            if (page.source() != null && !page.fallback()) {
                bySource.putIfAbsent(page.source(), page);
            }
        }
        Comparator<Page> order = PageOrder.comparator();
        childrenByKey.values().forEach(list -> list.sort(order));
        sorted.forEach((locale, ids) -> byLocale.put(locale, new LinkedHashMap<>(ids)));
    }

    /**
     * This site with some pages replaced by pages of the same shape (see {@link Page#sameApartFromBody}): the same
     * ids, URLs, sections and order, so the indexes are copied rather than built again.
     */
    Site replacing(Map<Page, Page> replacements) {
        return new Site(this, replacements);
    }

    private Site(Site from, Map<Page, Page> replaced) {
        // By identity: a page's record hash covers its whole text and front matter.
        Map<Page, Page> replacements = new java.util.IdentityHashMap<>(replaced);
        this.root = from.root;
        this.config = from.config;
        this.pages = from.pages.stream().map(p -> replacements.getOrDefault(p, p)).toList();
        this.resources = from.resources;
        this.problems = from.problems;
        from.byLocale.forEach((locale, pages) -> {
            Map<String, Page> mine = new LinkedHashMap<>(pages);
            mine.replaceAll((id, p) -> replacements.getOrDefault(p, p));
            byLocale.put(locale, mine);
        });
        from.childrenByKey.forEach((key, children) ->
                childrenByKey.put(key, children.stream().map(p -> replacements.getOrDefault(p, p)).toList()));
        from.bySource.forEach((source, p) -> bySource.put(source, replacements.getOrDefault(p, p)));
        synchronized (from) {
            this.fingerprint = from.fingerprint; // the same pages, URLs and sources
        }
    }

    /**
     * A hash of the site's shape: every page's locale, id, URL and source, and every resource. Rendered bodies
     * depend on it (links resolve against it), so a cache keyed by it stays correct.
     */
    public synchronized String fingerprint() {
        if (fingerprint == null) {
            StringBuilder all = new StringBuilder();
            for (Page p : pages) {
                all.append(p.locale()).append('\u0000').append(p.id()).append('\u0000').append(p.url())
                        .append('\u0000').append(p.source()).append('\u0000').append(p.contentLocale()).append('\n');
            }
            for (Resource r : resources) {
                all.append(r.source()).append('\n');
            }
            all.append(config.basePath()).append(config.trustedHtml());
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                fingerprint = java.util.HexFormat.of().formatHex(digest, 0, 12);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return fingerprint;
    }

    public Path root() {
        return root;
    }

    public SiteConfig config() {
        return config;
    }

    /** Every page of every locale: locales in config order, then ids in order. */
    public List<Page> pages() {
        return pages;
    }

    public List<Page> pages(String locale) {
        return List.copyOf(byLocale.getOrDefault(locale, Map.of()).values());
    }

    public List<Resource> resources() {
        return resources;
    }

    /** Problems found while loading (errors and warnings). */
    public List<Problem> problems() {
        return problems;
    }

    public Optional<Page> page(String locale, String id) {
        return Optional.ofNullable(byLocale.getOrDefault(locale, Map.of()).get(id));
    }

    public Page home(String locale) {
        return page(locale, "").orElseThrow();
    }

    /** The page built from a Markdown file, by its path relative to the content root. */
    public Optional<Page> bySource(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** Sections and articles directly inside a section (or home), in reading order: weight, then title. */
    public List<Page> children(Page section) {
        return childrenByKey.getOrDefault(section.locale() + "\u0000" + section.id(), List.of());
    }

    public List<Page> childSections(Page section) {
        return children(section).stream().filter(p -> p.kind() == PageKind.SECTION).toList();
    }

    public List<Page> childArticles(Page section) {
        return children(section).stream().filter(p -> p.kind() == PageKind.ARTICLE).toList();
    }

    /** Every article under a section, at any depth, in reading order. */
    public List<Page> articlesUnder(Page section) {
        List<Page> out = new ArrayList<>();
        for (Page child : children(section)) {
            if (child.kind() == PageKind.ARTICLE) {
                out.add(child);
            } else {
                out.addAll(articlesUnder(child));
            }
        }
        return out;
    }

    /** The sections from the home page down to a page's parent. */
    public List<Page> ancestors(Page page) {
        List<Page> chain = new ArrayList<>();
        String sectionId = page.sectionId();
        while (sectionId != null) {
            Optional<Page> section = page(page.locale(), sectionId);
            if (section.isEmpty()) {
                break;
            }
            chain.add(0, section.get());
            sectionId = section.get().sectionId();
        }
        return chain;
    }

    /** The same page in every locale that has it (fallback copies included), in locale order. */
    public Map<String, Page> translations(Page page) {
        Map<String, Page> out = new LinkedHashMap<>();
        for (LocaleInfo locale : config.locales()) {
            page(locale.code(), page.id()).ifPresent(p -> out.put(locale.code(), p));
        }
        return out;
    }
}
