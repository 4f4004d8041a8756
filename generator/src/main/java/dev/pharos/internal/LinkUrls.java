package dev.pharos.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which configured URLs may become a link on a page. Templates escape every value, but escaping does not stop
 * {@code href="javascript:..."} from running when a reader clicks: the scheme has to be checked where the URL is
 * read. Only web, mail and phone links and paths are allowed.
 */
public final class LinkUrls {

    /** The schemes a link from configuration may have; anything else (javascript:, data:, vbscript:) is refused. */
    public static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    /** What browsers drop while parsing a URL: so "java\tscript:" and " javascript:" are javascript: too. */
    private static final Pattern IGNORED = Pattern.compile("[\\t\\n\\r]|^[\\x00-\\x20]+|[\\x00-\\x20]+$");

    private LinkUrls() {
    }

    /** The URL's scheme as a browser reads it (lower case), or empty for a path or a relative link. */
    public static Optional<String> scheme(String url) {
        Matcher m = SCHEME.matcher(IGNORED.matcher(url).replaceAll(""));
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** True for a link a page may carry: no scheme (a path) or one of {@link #SCHEMES}. */
    public static boolean isSafe(String url) {
        return scheme(url).map(SCHEMES::contains).orElse(true);
    }

    /**
     * Reports an error on {@code key} of {@code reader} when {@code url} is not {@link #isSafe safe}.
     *
     * @return whether the URL is safe
     */
    public static boolean check(ConfigReader reader, String key, String url) {
        if (isSafe(url)) {
            return true;
        }
        // Control characters are shown escaped: a raw line break would split the file:line message.
        String shown = url.strip().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        reader.error(key, "'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "' is a "
                + scheme(url).orElseThrow() + ": link, which would run in the reader's browser; use an https://"
                + " (or http://, mailto:, tel:) link or a path on this site");
        return false;
    }
}
