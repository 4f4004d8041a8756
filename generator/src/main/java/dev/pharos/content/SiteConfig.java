package dev.pharos.content;

import dev.pharos.Problem;
import dev.pharos.internal.ConfigReader;
import dev.pharos.internal.LocalizedText;
import dev.pharos.internal.Yaml;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The site configuration from {@code pharos.yml} at the content root, or inferred when there is none.
 *
 * <p>Each pipeline stage reads its own part of the file through {@link #section(String, List)} (the
 * {@code search:} and {@code support:} maps), so this record only holds what every stage shares.
 *
 * @param file          the config file name relative to the content root, or null when inferred
 * @param title         the site title, per locale
 * @param baseUrl       absolute URL the site is published at, ending in {@code /}; empty when not set
 * @param basePath      the path part of {@code baseUrl} ({@code /} or {@code /help/}); every page URL starts with it
 * @param defaultLocale the locale of the source text and of fallbacks
 * @param locales       every locale, the default first
 * @param theme         the theme name; {@code default} is built in
 * @param fallback      what to do with an article missing in a locale
 * @param trustedHtml   when true, raw HTML in Markdown is kept as written instead of sanitized
 * @param pinned        article ids shown as popular on the home page
 * @param editUrl       a URL template with {@code {path}} for an "Edit this page" link; empty for none
 * @param params        free-form values for templates
 */
public record SiteConfig(
        String file,
        LocalizedText title,
        LocalizedText description,
        String baseUrl,
        String basePath,
        String defaultLocale,
        List<LocaleInfo> locales,
        String theme,
        Fallback fallback,
        boolean trustedHtml,
        List<String> pinned,
        String editUrl,
        Map<String, Object> params,
        Yaml.Document document) {

    /** A missing translation is published with the default-locale text and a notice, or left out. */
    public enum Fallback { NOTICE, SKIP }

    public static final String FILE_NAME = "pharos.yml";

    static final Set<String> KNOWN_KEYS = Set.of("title", "description", "baseurl", "defaultlocale", "locales", "theme",
            "fallback", "markdown", "home", "freshness", "search", "support", "params", "editurl");

    public SiteConfig {
        locales = List.copyOf(locales);
        pinned = List.copyOf(pinned);
        params = Map.copyOf(params);
    }

    public Optional<LocaleInfo> locale(String code) {
        return locales.stream().filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }

    public LocaleInfo defaultLocaleInfo() {
        return locale(defaultLocale).orElseThrow();
    }

    public String title(String locale) {
        return title.get(locale, defaultLocale);
    }

    /** A stage's own part of the config ({@code support}, {@code search}, {@code freshness}), validated by the stage. */
    public Optional<ConfigReader> section(String key, List<Problem> problems) {
        if (file == null) {
            return Optional.empty();
        }
        return ConfigReader.of(file, document, problems, 1).child(key);
    }

    /** Returns a copy published at another base URL (the dev server serves from {@code /}). */
    public SiteConfig withBaseUrl(String url) {
        Base base = Base.parse(url);
        return new SiteConfig(file, title, description, base.url(), base.path(), defaultLocale, locales, theme,
                fallback, trustedHtml, pinned, editUrl, params, document);
    }

    /** The absolute URL of a site path ({@code /en/x/} becomes {@code https://help.example.com/en/x/}). */
    public String absolute(String sitePath) {
        if (baseUrl.isEmpty()) {
            return sitePath;
        }
        String origin = baseUrl.substring(0, baseUrl.length() - basePath.length());
        return origin + sitePath;
    }

    record Base(String url, String path) {
        static Base parse(String value) {
            if (value == null || value.isBlank() || value.equals("/")) {
                return new Base("", "/");
            }
            String v = value.strip();
            if (v.startsWith("/")) {
                String path = v.endsWith("/") ? v : v + "/";
                return new Base("", path);
            }
            try {
                URI uri = new URI(v.endsWith("/") ? v : v + "/");
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(v, "no scheme or host");
                }
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return new Base(uri.toString(), path);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(v);
            }
        }
    }
}
