package dev.pharos.search;

import dev.pharos.Problem;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.SiteConfig;
import dev.pharos.internal.ConfigReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code search:} section of {@code pharos.yml}. Every key is optional; the defaults suit a help center.
 *
 * <pre>
 * search:
 *   enabled: true          # false: no index, no search box script (the no-JavaScript article list stays)
 *   results: 6             # results in the drop-down under the search box
 *   excerptLength: 160     # characters of text kept per heading for result excerpts (a CJK character counts 2)
 *   fallbackBelow: 3       # offer "also search in English" when a locale finds fewer results than this
 *   typos: true            # correct typing mistakes (1 edit in words of 4-7 letters, 2 from 8)
 *   sections: true         # also index section pages that have text of their own
 *   exclude: [announcements]   # page ids (or id prefixes ending in /) left out of the index
 *   weights: {title: 6, headings: 3, body: 1}   # BM25F field weights
 *   analytics: {endpoint: /collect/search}       # off unless set: see {@link SearchAnalytics}
 * </pre>
 *
 * @param fallbackLocale the locale offered as "also search in", the site's default locale
 */
public record SearchSettings(boolean enabled, int results, int excerptLength, int fallbackBelow, boolean typos,
        boolean sections, List<String> exclude, Weights weights, String fallbackLocale) {

    static final Set<String> KEYS = Set.of("enabled", "results", "excerptlength", "fallbackbelow", "typos", "sections",
            "exclude", "weights", "analytics");

    /**
     * BM25F field weights: how much one occurrence of a word counts in the page title, in a heading (and the page's
     * tags and keywords), and in the text. Titles and headings name what a page is about.
     */
    public record Weights(double title, double headings, double body) {
        public static final Weights DEFAULT = new Weights(6, 3, 1);
    }

    public SearchSettings {
        exclude = List.copyOf(exclude);
    }

    public static SearchSettings defaults(String fallbackLocale) {
        return new SearchSettings(true, 6, 160, 3, true, true, List.of(), Weights.DEFAULT, fallbackLocale);
    }

    /** Reads and validates the section; problems carry {@code pharos.yml} lines. */
    public static SearchSettings read(SiteConfig config, List<Problem> problems) {
        SearchSettings d = defaults(config.defaultLocale());
        checkAnalyzers(config, problems);
        Optional<ConfigReader> section = config.section("search", problems);
        if (section.isEmpty()) {
            return d;
        }
        ConfigReader s = section.get();
        s.warnUnknownKeys(KEYS);
        int results = bounded(s, "results", d.results(), 1, 50);
        int excerpt = bounded(s, "excerptlength", d.excerptLength(), 40, 1000);
        int fallbackBelow = bounded(s, "fallbackbelow", d.fallbackBelow(), 0, 1000);
        Weights weights = s.child("weights").map(w -> {
            w.warnUnknownKeys(Set.of("title", "headings", "body"));
            return new Weights(weight(w, "title", Weights.DEFAULT.title()), weight(w, "headings", Weights.DEFAULT.headings()),
                    weight(w, "body", Weights.DEFAULT.body()));
        }).orElse(Weights.DEFAULT);
        List<String> exclude = s.strings("exclude").stream().map(id -> id.replaceAll("^/+", "")).toList();
        return new SearchSettings(s.bool("enabled", true), results, excerpt, fallbackBelow, s.bool("typos", true),
                s.bool("sections", true), exclude, weights, d.fallbackLocale());
    }

    /** True when a page id is left out by {@code exclude}: an exact id, or anything under an id ending in {@code /}. */
    public boolean excluded(String pageId) {
        for (String e : exclude) {
            if (e.endsWith("/") ? pageId.startsWith(e) || pageId.equals(e.substring(0, e.length() - 1)) : pageId.equals(e)) {
                return true;
            }
        }
        return false;
    }

    private static int bounded(ConfigReader s, String key, int fallback, int min, int max) {
        Optional<Long> v = s.integer(key);
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.get() < min || v.get() > max) {
            s.error(key, "'search." + key + "' must be between " + min + " and " + max + ", not " + v.get());
            return fallback;
        }
        return v.get().intValue();
    }

    private static double weight(ConfigReader w, String key, double fallback) {
        Object v = w.raw(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 100) {
            return n.doubleValue();
        }
        w.error(key, "'search.weights." + key + "' must be a number above 0 and at most 100, not '" + v + "'");
        return fallback;
    }

    /** A {@code locales[].analyzer} that names no analyzer is an error at its line. */
    private static void checkAnalyzers(SiteConfig config, List<Problem> problems) {
        if (config.file() == null || !(config.document().map().get("locales") instanceof List<?> list)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                continue;
            }
            for (Map.Entry<?, ?> e : entry.entrySet()) {
                if (String.valueOf(e.getKey()).equalsIgnoreCase("analyzer") && e.getValue() != null
                        && Analysis.Kind.parse(String.valueOf(e.getValue())).isEmpty()) {
                    int line = config.document().lineOf("locales[" + i + "]." + e.getKey(),
                            config.document().lineOf("locales", 1));
                    problems.add(Problem.error(config.file(), line, "unknown search analyzer '" + e.getValue()
                            + "'; use english, cjk or standard"));
                }
            }
        }
    }

    /** The analyzer of a locale. */
    public static Analysis.Kind analyzer(LocaleInfo locale) {
        return Analysis.Kind.of(locale);
    }
}
