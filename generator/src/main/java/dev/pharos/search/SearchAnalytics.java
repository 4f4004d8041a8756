package dev.pharos.search;

import dev.pharos.Problem;
import dev.pharos.content.SiteConfig;
import dev.pharos.internal.ConfigReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code search.analytics} in {@code pharos.yml}: where the search box reports what readers looked for. Off unless
 * an endpoint is set; then each page names it and loads {@code js/search/analytics.js}, which sends one small JSON
 * event per settled search and per opened result (see README, "What readers searched for and did not find").
 *
 * <pre>
 * search:
 *   analytics:
 *     endpoint: /collect/search          # a path on this host, or https://collector.example/search
 * </pre>
 *
 * @param endpoint the URL the beacons go to, or empty when analytics is off
 */
public record SearchAnalytics(Optional<String> endpoint) {

    public static final SearchAnalytics OFF = new SearchAnalytics(Optional.empty());

    /** Loopback hosts a browser treats as secure: a local collector may use http there. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Reads {@code search.analytics}; a wrong endpoint is an error at its line in {@code pharos.yml}. */
    public static SearchAnalytics read(SiteConfig config, List<Problem> problems) {
        // A search: that is not a map is SearchSettings' error to report, once.
        Optional<ConfigReader> section = config.section("search", new java.util.ArrayList<>())
                .map(s -> s.reportingTo(problems)).flatMap(s -> s.child("analytics"));
        if (section.isEmpty()) {
            return OFF;
        }
        ConfigReader a = section.get();
        a.warnUnknownKeys(Set.of("endpoint"));
        Optional<String> endpoint = a.string("endpoint");
        if (endpoint.isEmpty()) {
            return OFF;
        }
        String problem = problem(endpoint.get());
        if (problem != null) {
            a.error("endpoint", "'search.analytics.endpoint' " + problem + ", not '" + endpoint.get() + "'");
            return OFF;
        }
        return new SearchAnalytics(endpoint);
    }

    /** Why an endpoint cannot be used, or null when it can. */
    static String problem(String endpoint) {
        if (endpoint.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
            return "must be a URL without spaces or quotes";
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return "must be a valid URL (" + e.getReason() + ")";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a #fragment";
        }
        if (!uri.isAbsolute()) {
            return endpoint.startsWith("/") && !endpoint.startsWith("//") ? null
                    : "must be an https:// URL or a path on this site starting with /";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "must name a host (and no user name or password)";
        }
        if (scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return "must be an https:// URL (http only for localhost) or a path on this site starting with /";
    }
}
