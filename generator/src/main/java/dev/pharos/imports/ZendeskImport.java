package dev.pharos.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.SiteConfig;
import dev.pharos.internal.Slugs;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a Zendesk Guide help center into a Pharos content folder: one folder per locale, a folder with an
 * {@code _index.md} per category and section, one Markdown file per article and translation (HTML converted to
 * Markdown), front matter with the old Zendesk URLs as {@code aliases}.
 *
 * <p>Re-runnable: {@value #MANIFEST} in the content root records where each category, section and article went and
 * the hash of every file written. A second import keeps the same paths, rewrites the files whose Zendesk text
 * changed, and leaves alone (and reports) the files a writer edited since the last import, unless
 * {@link Options#overwrite()}.
 */
public final class ZendeskImport {

    /** The manifest's file name, in the content root. */
    public static final String MANIFEST = ".zendesk-import.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper SCALAR = new ObjectMapper();

    /**
     * What to import, and where to.
     *
     * @param subdomain  the Zendesk subdomain ({@code acme} for {@code https://acme.zendesk.com}); ignored with
     *                   {@code url} or {@code from}
     * @param url        the site's base URL instead of {@code https://<subdomain>.zendesk.com} (a proxy, a test server)
     * @param from       a folder of JSON saved from the API, read instead of the API (see the README); null for the API
     * @param to         the content root to write into
     * @param localeMap  Zendesk locale to Pharos locale ({@code en-us=en}), over the default mapping
     * @param overwrite  replace files edited since the last import
     * @param email      the agent's email for API-token authentication (empty: no authentication)
     * @param token      the API token
     * @param maxRetries how often one request is retried after {@code 429 Too Many Requests}
     * @param maxWait    the longest wait for one {@code Retry-After}
     */
    public record Options(String subdomain, String url, Path from, Path to, Map<String, String> localeMap,
            boolean overwrite, String email, String token, int maxRetries, Duration maxWait) {
        public Options {
            subdomain = subdomain == null ? "" : subdomain.strip();
            url = url == null ? "" : url.strip();
            Objects.requireNonNull(to, "to");
            localeMap = localeMap == null ? Map.of() : Map.copyOf(lower(localeMap));
            email = email == null ? "" : email.strip();
            token = token == null ? "" : token.strip();
            maxWait = maxWait == null ? Duration.ofSeconds(60) : maxWait;
        }

        /** Into {@code to}, with no source yet: add {@link #withSubdomain}, {@link #withUrl} or {@link #withFrom}. */
        public static Options of(Path to) {
            return new Options("", "", null, to, Map.of(), false, "", "", 5, Duration.ofSeconds(60));
        }

        public Options withSubdomain(String value) {
            return new Options(value, url, from, to, localeMap, overwrite, email, token, maxRetries, maxWait);
        }

        public Options withUrl(String value) {
            return new Options(subdomain, value, from, to, localeMap, overwrite, email, token, maxRetries, maxWait);
        }

        public Options withFrom(Path value) {
            return new Options(subdomain, url, value, to, localeMap, overwrite, email, token, maxRetries, maxWait);
        }

        public Options withLocaleMap(Map<String, String> value) {
            return new Options(subdomain, url, from, to, value, overwrite, email, token, maxRetries, maxWait);
        }

        public Options withOverwrite(boolean value) {
            return new Options(subdomain, url, from, to, localeMap, value, email, token, maxRetries, maxWait);
        }

        /** API-token authentication: sent as Basic {@code email/token:token}. */
        public Options withCredentials(String emailValue, String tokenValue) {
            return new Options(subdomain, url, from, to, localeMap, overwrite, emailValue, tokenValue, maxRetries, maxWait);
        }

        /** Credentials from {@code ZENDESK_EMAIL} and {@code ZENDESK_API_TOKEN}, when both are set. */
        public Options withCredentialsFrom(Map<String, String> environment) {
            return withCredentials(environment.getOrDefault("ZENDESK_EMAIL", ""), environment.getOrDefault("ZENDESK_API_TOKEN", ""));
        }

        private static Map<String, String> lower(Map<String, String> map) {
            Map<String, String> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
            return out;
        }
    }

    /**
     * What an import did. Paths are relative to the content root, with forward slashes.
     *
     * @param written   files that did not exist
     * @param updated   files whose Zendesk text changed since the last import
     * @param unchanged files already as Zendesk has them
     * @param kept      files edited here since the last import (or not written by it), left as they are
     * @param articles  how many articles (in any language) were imported
     * @param warnings  what to look at: raw HTML kept, kept files, skipped articles
     */
    public record Result(List<String> written, List<String> updated, List<String> unchanged, List<String> kept,
            int articles, List<Problem> warnings) {
        public Result {
            written = List.copyOf(written);
            updated = List.copyOf(updated);
            unchanged = List.copyOf(unchanged);
            kept = List.copyOf(kept);
            warnings = List.copyOf(warnings);
        }
    }

    private final Options options;
    private final ZendeskSource source;
    private final Path to;
    private final HtmlToMarkdown html = new HtmlToMarkdown();
    private final Map<String, String> oldPaths = new TreeMap<>();
    private final Map<String, String> oldFiles = new TreeMap<>();
    private final Map<String, String> oldOwners = new HashMap<>();
    private final Map<String, List<String>> oldAliases = new TreeMap<>();
    private final Map<String, List<String>> aliases = new TreeMap<>();
    private final Map<String, String> paths = new TreeMap<>();
    private final Map<String, String> files = new TreeMap<>();
    private final Set<String> taken = new HashSet<>();
    private final List<String> written = new ArrayList<>();
    private final List<String> updated = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    private ZendeskImport(Options options, ZendeskSource source) {
        this.options = options;
        this.source = source;
        this.to = options.to().toAbsolutePath().normalize();
    }

    /** Runs an import. */
    public static Result run(Options options) throws PharosException {
        ZendeskSource source;
        if (options.from() != null) {
            if (!Files.isDirectory(options.from())) {
                throw new PharosException(Problem.error(null, 0, "--from " + options.from() + " is not a folder"));
            }
            source = new ZendeskSource.Folder(options.from());
        } else {
            String base = !options.url().isEmpty() ? options.url()
                    : options.subdomain().isEmpty() ? "" : "https://" + options.subdomain() + ".zendesk.com";
            if (base.isEmpty()) {
                throw new PharosException(Problem.error(null, 0,
                        "say where to import from: --subdomain acme (https://acme.zendesk.com), --url URL or --from DIR"));
            }
            if (!options.subdomain().isEmpty() && !options.subdomain().matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
                throw new PharosException(Problem.error(null, 0, "--subdomain '" + options.subdomain()
                        + "' is not a subdomain; give the 'acme' of https://acme.zendesk.com"));
            }
            source = new ZendeskSource.Http(base, options.email(), options.token(), options.maxRetries(), options.maxWait());
        }
        return new ZendeskImport(options, source).run();
    }

    /** Parses {@code en-us=en,zh-cn=zh-CN}. */
    public static Map<String, String> parseLocaleMap(String text) throws PharosException {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new PharosException(Problem.error(null, 0, "--locale-map: '" + pair.strip()
                        + "' is not zendesk=pharos, such as en-us=en,zh-cn=zh-CN"));
            }
            out.put(parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip());
        }
        return out;
    }

    /**
     * A Zendesk locale as a Pharos locale: {@code en-us} is {@code en}; otherwise BCP 47 case (language lower,
     * script title case, region upper: {@code zh-cn} is {@code zh-CN}, {@code pt-br} is {@code pt-BR}).
     */
    public static String pharosLocale(String zendesk, Map<String, String> overrides) {
        String key = zendesk.toLowerCase(Locale.ROOT);
        if (overrides.containsKey(key)) {
            return overrides.get(key);
        }
        if (key.equals("en-us")) {
            return "en";
        }
        String[] parts = key.split("[-_]");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            out.append('-').append(part.length() == 2 || part.matches("\\d{3}") ? part.toUpperCase(Locale.ROOT)
                    : part.length() == 4 ? part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1) : part);
        }
        return out.toString();
    }

    private record Node(long id, String kind, long parent, String parentKind, int position, Map<String, JsonNode> byLocale) {
    }

    private Result run() throws PharosException {
        readManifest();
        try {
            return importAll();
        } finally {
            // Also after an error: the files written so far are recorded, so the next run does not take them for
            // local edits.
            writeManifest();
        }
    }

    private Result importAll() throws PharosException {
        JsonNode localesJson = source.get("locales.json");
        List<String> zendeskLocales = new ArrayList<>();
        localesJson.path("locales").forEach(l -> zendeskLocales.add(l.asText().toLowerCase(Locale.ROOT)));
        String named = localesJson.path("default_locale").asText("").toLowerCase(Locale.ROOT);
        String defaultLocale = !named.isEmpty() ? named : zendeskLocales.isEmpty() ? "en-us" : zendeskLocales.get(0);
        if (!zendeskLocales.contains(defaultLocale)) {
            zendeskLocales.add(0, defaultLocale);
        }
        Map<String, String> locales = new LinkedHashMap<>(); // Zendesk -> Pharos, default first
        locales.put(defaultLocale, pharosLocale(defaultLocale, options.localeMap()));
        for (String z : zendeskLocales) {
            String p = pharosLocale(z, options.localeMap());
            if (!locales.containsValue(p)) {
                locales.put(z, p);
            }
        }

        // Categories and sections: the structure from the default locale, names from each locale.
        Map<Long, Node> categories = new TreeMap<>();
        Map<Long, Node> sections = new TreeMap<>();
        for (String z : locales.keySet()) {
            for (JsonNode c : source.list(z + "/categories.json", "categories")) {
                add(categories, c, "category", 0, "", z, defaultLocale);
            }
            for (JsonNode s : source.list(z + "/sections.json", "sections")) {
                long parent = s.path("parent_section_id").asLong(0);
                add(sections, s, "section", parent != 0 ? parent : s.path("category_id").asLong(0),
                        parent != 0 ? "section" : "category", z, defaultLocale);
            }
        }
        categories.values().removeIf(n -> !n.byLocale().containsKey(defaultLocale));
        sections.values().removeIf(n -> !n.byLocale().containsKey(defaultLocale));
        for (Node c : categories.values()) {
            folder(c, categories, sections, defaultLocale, new HashSet<>());
        }
        for (Node s : sections.values()) {
            folder(s, categories, sections, defaultLocale, new HashSet<>());
        }
        for (Node n : concat(categories, sections)) {
            String folder = paths.get(n.kind() + "/" + n.id());
            if (folder == null) {
                continue;
            }
            for (Map.Entry<String, String> locale : locales.entrySet()) {
                JsonNode item = n.byLocale().get(locale.getKey());
                // Not translated: the default locale's name, without its old URL (that is the default page's alias).
                boolean translated = item != null;
                writeText(locale.getValue() + "/" + folder + "/_index.md",
                        sectionIndex(translated ? item : n.byLocale().get(defaultLocale), n.position(), translated));
            }
        }

        // Articles.
        List<JsonNode> articles = new ArrayList<>(source.list(defaultLocale + "/articles.json", "articles"));
        articles.sort(Comparator.comparingLong(a -> a.path("id").asLong()));
        Map<Long, Planned> planned = new TreeMap<>();
        for (JsonNode article : articles) {
            Planned p = plan(article, locales, defaultLocale);
            if (p != null) {
                planned.put(p.id(), p);
            }
        }
        int count = 0;
        for (Planned p : planned.values()) {
            count += write(p, planned, locales.get(defaultLocale));
        }

        if (!Files.exists(to.resolve("pharos.yml"))) {
            writeText("pharos.yml", siteConfig(locales));
        } else {
            // The writer's own pharos.yml: say which imported locales it does not list (their pages would not build).
            SiteConfig config = ContentLoader.load(to, new ContentLoader.Options(true, LocalDate.now(ZoneOffset.UTC))).config();
            for (Map.Entry<String, String> locale : locales.entrySet()) {
                if (config.locale(locale.getValue()).isEmpty()) {
                    warnings.add(Problem.warning("pharos.yml", 0, "no locale '" + locale.getValue() + "' (Zendesk's "
                            + locale.getKey() + "), which the import wrote to " + locale.getValue() + "/: add it under"
                            + " locales, or map it with --locale-map " + locale.getKey() + "=<a locale of the site>"));
                }
            }
        }
        return new Result(written, updated, unchanged, kept, count, warnings);
    }

    private static List<Node> concat(Map<Long, Node> a, Map<Long, Node> b) {
        List<Node> out = new ArrayList<>(a.values());
        out.addAll(b.values());
        return out;
    }

    private static void add(Map<Long, Node> nodes, JsonNode item, String kind, long parent, String parentKind,
            String locale, String defaultLocale) {
        long id = item.path("id").asLong(0);
        if (id == 0) {
            return;
        }
        Node node = nodes.get(id);
        if (node == null || locale.equals(defaultLocale)) {
            Map<String, JsonNode> byLocale = node == null ? new TreeMap<>() : node.byLocale();
            node = new Node(id, kind, parent, parentKind, item.path("position").asInt(0), byLocale);
            nodes.put(id, node);
        }
        node.byLocale().put(locale, item);
    }

    /** The folder (under the locale) of a category or section: kept from the manifest, else made from its name. */
    private String folder(Node node, Map<Long, Node> categories, Map<Long, Node> sections, String defaultLocale,
            Set<Long> visiting) {
        String key = node.kind() + "/" + node.id();
        if (paths.containsKey(key)) {
            return paths.get(key);
        }
        if (!visiting.add(node.id())) {
            warnings.add(Problem.warning(null, 0, "section " + node.id() + " is inside itself (parent_section_id); skipped"));
            return null;
        }
        String parent = "";
        if (node.kind().equals("section")) {
            Node up = (node.parentKind().equals("section") ? sections : categories).get(node.parent());
            parent = up == null ? null : folder(up, categories, sections, defaultLocale, visiting);
            if (parent == null) {
                warnings.add(Problem.warning(defaultLocale + "/sections.json", 0, "section " + node.id() + " ("
                        + node.byLocale().get(defaultLocale).path("name").asText() + ") is in "
                        + node.parentKind() + " " + node.parent() + ", which was not found; skipped with its articles"));
                return null;
            }
        }
        String name = node.byLocale().get(defaultLocale).path("name").asText("");
        String path = place(key, parent, Slugs.fileName(name, node.kind()), node.id());
        return path;
    }

    /** A path under {@code parent} for {@code key}: the manifest's, else the slug, else the slug and the id. */
    private String place(String key, String parent, String slug, long id) {
        String old = oldPaths.get(key);
        String prefix = parent.isEmpty() ? "" : parent + "/";
        String path = old != null && !taken.contains(old) ? old
                : !taken.contains(prefix + slug) && !reservedByOthers(prefix + slug, key) ? prefix + slug
                : prefix + slug + "-" + id;
        taken.add(path);
        paths.put(key, path);
        return path;
    }

    /** Whether the manifest gives {@code path} to another category, section or article (which keeps it). */
    private boolean reservedByOthers(String path, String key) {
        String owner = oldOwners.get(path);
        return owner != null && !owner.equals(key);
    }

    /** An article with its place decided and its parts read, before it is written. */
    private record Planned(long id, JsonNode article, String file, String folder, Map<String, JsonNode> attachments,
            Map<String, String> byUrl, Map<String, JsonNode> translations) {
    }

    /** Decides where an article goes and reads its translations and attachments; null when it is skipped. */
    private Planned plan(JsonNode article, Map<String, String> locales, String defaultLocale) throws PharosException {
        long id = article.path("id").asLong(0);
        String sectionFolder = paths.get("section/" + article.path("section_id").asLong(0));
        if (id == 0 || sectionFolder == null) {
            warnings.add(Problem.warning(defaultLocale + "/articles.json", 0, "article " + id + " ("
                    + article.path("title").asText() + ") is in section " + article.path("section_id").asText()
                    + ", which was not found; skipped"));
            return null;
        }
        String path = place("article/" + id, sectionFolder, Slugs.fileName(article.path("title").asText(""), "article"), id);

        // Attachments: written beside each translation; the article becomes a folder (index.md).
        Map<String, JsonNode> attachments = new TreeMap<>();
        Map<String, String> byUrl = new HashMap<>();
        String attachmentsEndpoint = "articles/" + id + "/attachments.json";
        if (!(source instanceof ZendeskSource.Folder f) || f.has(attachmentsEndpoint)) {
            for (JsonNode a : source.list(attachmentsEndpoint, "article_attachments")) {
                String url = a.path("content_url").asText("");
                // A safe file name: no folders, no leading dot, URL-friendly characters.
                String name = a.path("file_name").asText("").replaceAll("[^\\p{L}\\p{N}._-]+", "-")
                        .replaceAll("^[-.]+", "");
                name = name.isEmpty() ? "attachment" : name;
                String unique = name;
                for (int i = 2; attachments.containsKey(unique); i++) {
                    unique = i + "-" + name;
                }
                attachments.put(unique, a);
                byUrl.put(url, unique);
                byUrl.put(pathOf(url), unique);
            }
        }

        List<JsonNode> list = new ArrayList<>();
        String translationsEndpoint = "articles/" + id + "/translations.json";
        if (source instanceof ZendeskSource.Folder f && !f.has(translationsEndpoint)) {
            list.add(article);
        } else {
            list.addAll(source.list(translationsEndpoint, "translations"));
        }
        list.sort(Comparator.comparing(t -> t.path("locale").asText("")));
        Map<String, JsonNode> translations = new LinkedHashMap<>();
        for (JsonNode t : list) {
            String locale = locales.get(t.path("locale").asText("").toLowerCase(Locale.ROOT));
            if (locale != null) {
                translations.putIfAbsent(locale, t);
            }
        }
        return new Planned(id, article, attachments.isEmpty() ? path + ".md" : path + "/index.md",
                attachments.isEmpty() ? "" : path + "/", attachments, byUrl, translations);
    }

    /** Writes an article's translations (and its attachments beside each); returns how many. */
    private int write(Planned p, Map<Long, Planned> all, String defaultPharosLocale) throws PharosException {
        // Downloaded once per article, when it is written (not all at once).
        Map<String, byte[]> attachments = new TreeMap<>();
        for (Map.Entry<String, JsonNode> a : p.attachments().entrySet()) {
            attachments.put(a.getKey(), source.attachment(p.id(), a.getValue().path("file_name").asText(""),
                    a.getValue().path("content_url").asText("")));
        }
        int count = 0;
        for (Map.Entry<String, JsonNode> entry : p.translations().entrySet()) {
            String locale = entry.getKey();
            JsonNode t = entry.getValue();
            String z = t.path("locale").asText("").toLowerCase(Locale.ROOT);
            String rel = locale + "/" + p.file();
            HtmlToMarkdown.Result body = html.convert(t.path("body").asText(""),
                    src -> p.byUrl().containsKey(src) ? p.byUrl().get(src) : p.byUrl().get(pathOf(src)),
                    href -> articleLink(href, rel, locale, defaultPharosLocale, all));
            for (String tag : body.rawTags()) {
                warnings.add(Problem.warning(rel, 0, "<" + tag + "> in article " + p.id() + " ("
                        + t.path("title").asText() + ") has no Markdown form; kept as raw HTML, which builds remove"
                        + " unless markdown.trustedHtml is true: replace it or check it"));
            }
            if (!p.article().path("user_segment_id").isNull() && !p.article().path("user_segment_id").isMissingNode()) {
                warnings.add(Problem.warning(rel, 0, "article " + p.id() + " is restricted to a user segment in Zendesk;"
                        + " imported like any other, it will be public: delete it or add 'draft: true' if it must stay private"));
            }
            writeText(rel, frontMatter(p.article(), t, z, p.id(), rel) + "\n" + body.markdown());
            for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
                write(locale + "/" + p.folder() + a.getKey(), a.getValue());
            }
            count++;
        }
        return count;
    }

    private static final Pattern ARTICLE_URL = Pattern.compile("^(?:https?://[^/]+)?/hc/[^/]+/articles/(\\d+)[^#]*(#.*)?$");

    /**
     * A link to another imported article ({@code https://acme.zendesk.com/hc/en-us/articles/360001234-Title}) as a
     * relative link to its Markdown file, in the same language when it has the translation; null to keep the link.
     */
    private static String articleLink(String href, String from, String locale, String defaultLocale, Map<Long, Planned> all) {
        Matcher m = ARTICLE_URL.matcher(href.strip());
        if (!m.matches()) {
            return null;
        }
        Planned target = all.get(Long.parseLong(m.group(1)));
        if (target == null) {
            return null;
        }
        String targetLocale = target.translations().containsKey(locale) ? locale : defaultLocale;
        Path fromDir = Path.of(from).getParent();
        String relative = fromDir.relativize(Path.of(targetLocale, target.file())).toString().replace('\\', '/');
        return relative + (m.group(2) == null ? "" : m.group(2));
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url.strip()).getRawPath();
            return path == null ? url : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private String frontMatter(JsonNode article, JsonNode translation, String zendeskLocale, long id, String rel) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("title: ").append(quote(translation.path("title").asText(""))).append('\n');
        out.append("weight: ").append(article.path("position").asInt(0)).append('\n');
        List<String> tags = new ArrayList<>();
        article.path("label_names").forEach(l -> tags.add(quote(l.asText())));
        if (!tags.isEmpty()) {
            out.append("tags: [").append(String.join(", ", tags)).append("]\n");
        }
        String updatedAt = translation.path("updated_at").asText(article.path("updated_at").asText(""));
        if (updatedAt.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            out.append("lastmod: ").append(updatedAt, 0, 10).append('\n');
        }
        if (translation.path("draft").asBoolean(false)) {
            out.append("draft: true\n");
        }
        out.append("aliases:\n");
        String htmlUrl = translation.path("html_url").asText("");
        if (htmlUrl.isEmpty()) {
            htmlUrl = article.path("html_url").asText("").replaceFirst("/hc/[^/]+/", "/hc/" + zendeskLocale + "/");
        }
        String plain = "/hc/" + zendeskLocale + "/articles/" + id;
        String old = oldUrl(htmlUrl);
        // The current Zendesk URL, the plain one, then the URLs of earlier titles (links to them keep working).
        Set<String> all = new java.util.LinkedHashSet<>();
        if (old != null) {
            all.add(old);
        }
        all.add(plain);
        all.addAll(new java.util.TreeSet<>(oldAliases.getOrDefault(rel, List.of())));
        for (String alias : all) {
            out.append("  - ").append(quote(alias)).append('\n');
        }
        aliases.put(rel, List.copyOf(all));
        out.append("---\n");
        return out.toString();
    }

    /** The site path of a Zendesk article URL, decoded ({@code /hc/en-us/articles/360001234-Title}). */
    private static String oldUrl(String htmlUrl) {
        try {
            String path = URI.create(htmlUrl).getPath();
            return path == null || !path.startsWith("/hc/") ? null : path.replaceAll("/+$", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String sectionIndex(JsonNode item, int position, boolean aliases) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("title: ").append(quote(item.path("name").asText(""))).append('\n');
        String description = item.path("description").asText("").strip();
        if (!description.isEmpty()) {
            out.append("description: ").append(quote(description)).append('\n');
        }
        out.append("weight: ").append(position).append('\n');
        String old = aliases ? oldUrl(item.path("html_url").asText("")) : null;
        if (old != null) {
            // The old address with its name, and without (/hc/en-us/sections/360001), as for articles.
            String plain = old.replaceFirst("^(/hc/[^/]+/(?:categories|sections)/\\d+).*$", "$1");
            out.append("aliases:\n");
            if (!plain.equals(old)) {
                out.append("  - ").append(quote(old)).append('\n');
            }
            out.append("  - ").append(quote(plain)).append('\n');
        }
        out.append("---\n");
        return out.toString();
    }

    private String siteConfig(Map<String, String> locales) {
        String name = options.subdomain().isEmpty() ? "Help Center" : Slugs.humanize(options.subdomain()) + " Help Center";
        StringBuilder out = new StringBuilder();
        out.append("# Written by pharos import zendesk; every key is described in the README's \"Site config\".\n");
        out.append("title: ").append(quote(name)).append('\n');
        out.append("defaultLocale: ").append(locales.values().iterator().next()).append('\n');
        out.append("locales:\n");
        for (String locale : locales.values()) {
            out.append("  - code: ").append(locale).append('\n');
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar: JSON strings are valid YAML. */
    private static String quote(String text) {
        try {
            return SCALAR.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeText(String rel, String text) throws PharosException {
        write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file unless a writer changed it since the last import; records its hash. */
    private void write(String rel, byte[] bytes) throws PharosException {
        Path file = to.resolve(rel);
        String hash = sha256(bytes);
        try {
            if (Files.exists(file)) {
                String current = sha256(Files.readAllBytes(file));
                String recorded = oldFiles.get(rel);
                if (current.equals(hash)) {
                    unchanged.add(rel);
                    files.put(rel, hash);
                    return;
                }
                if (!current.equals(recorded) && !options.overwrite()) {
                    kept.add(rel);
                    warnings.add(Problem.warning(rel, 0, recorded == null
                            ? "exists and was not written by an earlier import; left as it is (--overwrite replaces it)"
                            : "edited here since the last import; left as it is (--overwrite replaces it with Zendesk's text)"));
                    if (recorded != null) {
                        files.put(rel, recorded);
                    }
                    return;
                }
                updated.add(rel);
            } else {
                written.add(rel);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            files.put(rel, hash);
        } catch (IOException e) {
            throw new PharosException(Problem.error(rel, 0, "cannot write: " + e.getMessage()));
        }
    }

    private void readManifest() throws PharosException {
        Path file = to.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode manifest = JSON.readTree(file.toFile());
            manifest.path("paths").fields().forEachRemaining(e -> oldPaths.put(e.getKey(), e.getValue().asText()));
            oldPaths.forEach((key, path) -> oldOwners.put(path, key));
            manifest.path("aliases").fields().forEachRemaining(e -> {
                List<String> list = new ArrayList<>();
                e.getValue().forEach(v -> list.add(v.asText()));
                oldAliases.put(e.getKey(), list);
            });
            manifest.path("files").fields().forEachRemaining(e -> oldFiles.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            throw new PharosException(Problem.error(MANIFEST, 0, "cannot read the last import's manifest: " + e.getMessage()
                    + "; delete it to import afresh (every existing file is then kept unless --overwrite)"));
        }
    }

    private void writeManifest() throws PharosException {
        if (files.isEmpty() && !Files.exists(to.resolve(MANIFEST))) {
            return; // nothing written (refused at the first request): leave no trace
        }
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("comment", "Written by pharos import zendesk: where each Zendesk item went, the SHA-256 of"
                + " each file written (to find local edits on the next import) and each article's old URLs (kept as"
                + " aliases when a title changes). Keep it in version control.");
        // Entries of earlier imports stay: an article deleted in Zendesk keeps its path reserved and its file's hash.
        Map<String, String> allPaths = new TreeMap<>(oldPaths);
        allPaths.putAll(paths);
        Map<String, String> allFiles = new TreeMap<>(oldFiles);
        allFiles.putAll(files);
        ObjectNode p = manifest.putObject("paths");
        allPaths.forEach(p::put);
        ObjectNode f = manifest.putObject("files");
        allFiles.forEach(f::put);
        Map<String, List<String>> allAliases = new TreeMap<>(oldAliases);
        allAliases.putAll(aliases);
        ObjectNode a = manifest.putObject("aliases");
        allAliases.forEach((file, list) -> list.forEach(a.putArray(file)::add));
        try {
            Files.createDirectories(to);
            Files.writeString(to.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PharosException(Problem.error(MANIFEST, 0, "cannot write: " + e.getMessage()));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
