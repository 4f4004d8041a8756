package dev.pharos.support;

import dev.pharos.Problem;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.SiteConfig;
import dev.pharos.internal.ConfigReader;
import dev.pharos.internal.LinkUrls;
import dev.pharos.internal.LocalizedText;
import dev.pharos.internal.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code support:} part of {@code pharos.yml}, read and checked: the ticket provider, ticket categories with
 * their required details, contact channels, the emergency path, the official-channel list and feedback.
 *
 * @param providerName   {@code zendesk}, {@code github}, {@code jira}, {@code email}, {@code url}, or empty for none
 * @param provider       the provider, or null when there is none
 * @param maxUrlLength   the longest ticket URL to build
 * @param defaultCategory the category of pages that name none
 * @param categories     in config order
 * @param channels       in config order (views sort them by response time)
 * @param emergency      the emergency banner, or null
 * @param official       the official channels for the checker page
 * @param feedback       "Was this helpful?"
 */
public record SupportConfig(
        String providerName,
        TicketProvider provider,
        int maxUrlLength,
        String defaultCategory,
        List<Category> categories,
        List<Channel> channels,
        Emergency emergency,
        Official official,
        Feedback feedback) {

    static final List<String> PROVIDERS = List.of("zendesk", "github", "jira", "email", "url");
    static final List<String> CHANNEL_TYPES = List.of("chat", "ticket", "email", "phone", "social", "community", "other");

    private static final Set<String> KEYS = Set.of("provider", "maxurllength", "defaultcategory", "categories",
            "details", "channels", "emergency", "official", "feedback", "zendesk", "github", "jira", "email", "url");
    private static final Map<String, Set<String>> PROVIDER_KEYS = Map.of(
            "zendesk", Set.of("subdomain", "host", "formid", "categoryfield", "fields", "locales"),
            "github", Set.of("repo", "host", "labels", "template"),
            "jira", Set.of("baseurl", "portalid", "requesttypeid"),
            "email", Set.of("to", "cc"),
            "url", Set.of("template"));
    private static final Map<String, Set<String>> CATEGORY_PROVIDER_KEYS = Map.of(
            "zendesk", Set.of("formid", "tag", "fields"),
            "github", Set.of("labels", "template"),
            "jira", Set.of("requesttypeid"),
            "email", Set.of("to"),
            "url", Set.of("value"));
    private static final Set<String> CATEGORY_KEYS = Set.of("id", "label", "description", "details", "zendesk",
            "github", "jira", "email", "url");
    private static final Set<String> DETAIL_KEYS = Set.of("id", "label", "hint", "attach");
    private static final Set<String> CHANNEL_KEYS = Set.of("id", "type", "name", "url", "phone", "hours", "timezone",
            "response", "responsetime", "categories", "locales", "note");
    private static final Set<String> EMERGENCY_KEYS = Set.of("title", "text", "url", "linktext", "phone", "article",
            "triggers");
    private static final Set<String> OFFICIAL_KEYS = Set.of("names", "domains", "emails", "handles", "phones");
    private static final Set<String> FEEDBACK_KEYS = Set.of("enabled", "endpoint");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(m|min|minutes?|h|hours?|d|days?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");

    /** A kind of problem readers open tickets about. */
    public record Category(String id, LocalizedText label, LocalizedText description, List<Detail> details) {
        public String label(String locale, String defaultLocale) {
            return label.get(locale, defaultLocale);
        }
    }

    /** Something the support team needs for a category (UID, TxID, a screenshot). */
    public record Detail(String id, LocalizedText label, LocalizedText hint, boolean attach) {
    }

    /**
     * A way to reach support.
     *
     * @param responseMinutes the expected first response, for ordering by urgency; {@link Long#MAX_VALUE} if unknown
     * @param categories      the categories it is shown for on articles; empty means all
     * @param locales         the locales it is listed in; empty means all
     */
    public record Channel(String id, String type, LocalizedText name, LocalizedText url, String phone,
            LocalizedText hours, String timezone, LocalizedText response, long responseMinutes,
            List<String> categories, List<String> locales, LocalizedText note) {

        public boolean availableIn(String locale) {
            return locales.isEmpty() || locales.stream().anyMatch(l -> l.equalsIgnoreCase(locale));
        }

        public boolean relevantTo(String category) {
            return categories.isEmpty() || categories.contains(category);
        }
    }

    /** The "account compromised? freeze it now" path, and the words that call it up in search. */
    public record Emergency(LocalizedText title, LocalizedText text, LocalizedText url, LocalizedText linkText,
            String phone, String article, Map<String, List<String>> triggers) {

        /** Every trigger of every language, sorted: a reader may type in either. */
        public List<String> allTriggers() {
            Set<String> all = new java.util.TreeSet<>();
            triggers.values().forEach(all::addAll);
            return List.copyOf(all);
        }
    }

    /** The channels the company really uses; anything else claiming to be support is not. */
    public record Official(List<String> names, List<String> domains, List<String> emails, List<Handle> handles,
            List<String> phones) {

        public boolean isEmpty() {
            return domains.isEmpty() && emails.isEmpty() && handles.isEmpty() && phones.isEmpty();
        }
    }

    /** A social-media or chat account: {@code platform} may be empty (any platform). */
    public record Handle(String platform, String handle, String url) {
    }

    /** "Was this helpful?": on or off, and where votes go (empty: nowhere). */
    public record Feedback(boolean enabled, String endpoint) {
    }

    /** No {@code support:} section: no ticket links or channels, feedback buttons without an endpoint. */
    public static SupportConfig none() {
        return new SupportConfig("", null, TicketUrls.DEFAULT_MAX_LENGTH, "", List.of(), List.of(), null,
                new Official(List.of(), List.of(), List.of(), List.of(), List.of()), new Feedback(true, ""));
    }

    public Optional<Category> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Reads and checks the section; every problem goes to the list with its line. */
    public static SupportConfig parse(ConfigReader support, SiteConfig site, List<Problem> problems) {
        support.warnUnknownKeys(KEYS);
        List<String> localeCodes = site.locales().stream().map(LocaleInfo::code).toList();

        Map<String, Detail> sharedDetails = new LinkedHashMap<>();
        for (ConfigReader d : support.children("details")) {
            detail(d, localeCodes).ifPresent(detail -> {
                if (sharedDetails.putIfAbsent(detail.id(), detail) != null) {
                    d.error("id", "detail '" + detail.id() + "' is defined twice under 'support.details'");
                }
            });
        }

        List<ConfigReader> categoryReaders = support.children("categories");
        List<Category> categories = new ArrayList<>();
        for (ConfigReader c : categoryReaders) {
            category(c, sharedDetails, localeCodes).ifPresent(category -> {
                if (categories.stream().anyMatch(o -> o.id().equals(category.id()))) {
                    c.error("id", "category '" + category.id() + "' is defined twice; ids must be unique");
                } else {
                    categories.add(category);
                }
            });
        }
        Set<String> ids = new LinkedHashSet<>(categories.stream().map(Category::id).toList());

        String defaultCategory = support.string("defaultcategory").orElse("");
        if (!defaultCategory.isEmpty() && !ids.contains(defaultCategory)) {
            support.error("defaultcategory", "defaultCategory '" + defaultCategory + "' is not one of the categories"
                    + Suggestions.didYouMean(defaultCategory, ids) + "; known: " + String.join(", ", ids));
        }
        if (defaultCategory.isEmpty() && !categories.isEmpty()) {
            defaultCategory = ids.contains("general") ? "general" : categories.get(0).id();
        }

        int maxUrlLength = support.integer("maxurllength").map(Long::intValue).orElse(TicketUrls.DEFAULT_MAX_LENGTH);
        if (maxUrlLength < 256) {
            support.error("maxurllength", "maxUrlLength must be at least 256 characters; 2000 is safe everywhere");
            maxUrlLength = TicketUrls.DEFAULT_MAX_LENGTH;
        }

        for (String name : PROVIDERS) {
            support.child(name).ifPresent(r -> r.warnUnknownKeys(PROVIDER_KEYS.get(name)));
        }
        String providerName = support.string("provider").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        TicketProvider provider = null;
        if (!providerName.isEmpty() && !PROVIDERS.contains(providerName)) {
            support.error("provider", "unknown ticket provider '" + providerName + "'"
                    + Suggestions.didYouMean(providerName, PROVIDERS) + "; use one of " + String.join(", ", PROVIDERS));
        } else if (!providerName.isEmpty()) {
            provider = provider(providerName, support, categoryReaders, site);
        }

        List<Channel> channels = new ArrayList<>();
        for (ConfigReader c : support.children("channels")) {
            channel(c, ids, localeCodes).ifPresent(channels::add);
        }
        Emergency emergency = support.child("emergency").map(e -> emergency(e, localeCodes)).orElse(null);
        Official official = support.child("official").map(SupportConfig::official)
                .orElse(new Official(List.of(), List.of(), List.of(), List.of(), List.of()));
        Feedback feedback = support.child("feedback").map(SupportConfig::feedback).orElse(new Feedback(true, ""));
        return new SupportConfig(providerName, provider, maxUrlLength, defaultCategory, List.copyOf(categories),
                List.copyOf(channels), emergency, official, feedback);
    }

    // ---- categories and details

    private static Optional<Detail> detail(ConfigReader d, List<String> locales) {
        d.warnUnknownKeys(DETAIL_KEYS);
        Optional<String> id = d.string("id");
        if (id.isEmpty()) {
            d.error("id", "each detail needs an 'id' (such as 'uid' or 'txid')");
            return Optional.empty();
        }
        Optional<LocalizedText> label = d.localized("label");
        if (label.isEmpty()) {
            d.error("label", "detail '" + id.get() + "' needs a 'label', the text readers see (\"Your UID\")");
            return Optional.empty();
        }
        warnMissingLocales(d, "label", label.get(), locales);
        return Optional.of(new Detail(id.get(), label.get(), optional(d, "hint", locales), d.bool("attach", false)));
    }

    private static Optional<Category> category(ConfigReader c, Map<String, Detail> shared, List<String> locales) {
        c.warnUnknownKeys(CATEGORY_KEYS);
        Optional<String> id = c.string("id");
        if (id.isEmpty()) {
            c.error("id", "each category needs an 'id' (such as 'withdrawals'), the name pages use in 'ticket: {category: ...}'");
            return Optional.empty();
        }
        if (!ID.matcher(id.get()).matches()) {
            c.error("id", "category id '" + id.get() + "' may only hold lower-case letters, digits, '-' and '_'");
        }
        LocalizedText label = c.localized("label").orElseGet(() -> {
            c.warning("id", "category '" + id.get() + "' has no 'label'; readers see '" + id.get() + "'");
            return LocalizedText.of(id.get());
        });
        if (c.has("label")) {
            warnMissingLocales(c, "label", label, locales);
        }
        List<Detail> details = new ArrayList<>();
        for (String ref : c.strings("details")) {
            Detail detail = shared.get(ref);
            if (detail == null) {
                c.error("details", "category '" + id.get() + "' asks for detail '" + ref
                        + "', which is not defined under 'support.details'" + Suggestions.didYouMean(ref, shared.keySet()));
            } else if (!details.contains(detail)) {
                details.add(detail);
            }
        }
        return Optional.of(new Category(id.get(), label, optional(c, "description", locales), List.copyOf(details)));
    }

    /**
     * Warns about per-locale text that misses a site locale, or names one the site does not have. The second is
     * usually an unquoted comma in a YAML flow map ({@code {en: Date and time, with time zone}}).
     */
    private static void warnMissingLocales(ConfigReader r, String key, LocalizedText text, List<String> locales) {
        if (r.raw(key) instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String code = String.valueOf(e.getKey());
                if (locales.stream().noneMatch(l -> l.equalsIgnoreCase(code))) {
                    r.warning(key, "'" + key + "' has text for '" + code + "', which is not a locale of the site"
                            + Suggestions.didYouMean(code, locales)
                            + (e.getValue() == null ? "; if it is part of the text, put the text in quotes" : ""));
                }
            }
        }
        if (text.exact("*").isPresent() || locales.size() < 2) {
            return;
        }
        List<String> missing = locales.stream().filter(l -> text.exact(l).isEmpty()).toList();
        if (!missing.isEmpty()) {
            r.warning(key, "'" + key + "' has no text for " + String.join(", ", missing) + "; readers there see another language");
        }
    }

    /** Optional per-locale text, checked like required text; empty when absent. */
    private static LocalizedText optional(ConfigReader r, String key, List<String> locales) {
        Optional<LocalizedText> text = r.localized(key);
        text.ifPresent(t -> warnMissingLocales(r, key, t, locales));
        return text.orElse(LocalizedText.of(""));
    }

    // ---- providers

    private static TicketProvider provider(String name, ConfigReader support, List<ConfigReader> categories,
            SiteConfig site) {
        Optional<ConfigReader> settings = support.child(name);
        if (settings.isEmpty()) {
            support.error("provider", "provider '" + name + "' needs its settings under 'support." + name + "': "
                    + requiredHint(name));
            return null;
        }
        ConfigReader s = settings.get();
        Map<String, ConfigReader> perCategory = new TreeMap<>();
        for (ConfigReader c : categories) {
            Optional<String> id = c.string("id");
            for (String other : PROVIDERS) {
                c.child(other).ifPresent(r -> r.warnUnknownKeys(CATEGORY_PROVIDER_KEYS.get(other)));
            }
            if (id.isPresent()) {
                c.child(name).ifPresent(r -> perCategory.put(id.get(), r));
            }
        }
        return switch (name) {
            case "zendesk" -> zendesk(s, perCategory, site);
            case "github" -> github(s, perCategory);
            case "jira" -> jira(s, perCategory, categories);
            case "email" -> email(s, perCategory);
            default -> urlTemplate(s, perCategory);
        };
    }

    private static String requiredHint(String name) {
        return switch (name) {
            case "zendesk" -> "'subdomain' (yourcompany for yourcompany.zendesk.com) or 'host'";
            case "github" -> "'repo' (owner/name)";
            case "jira" -> "'baseUrl', 'portalId' and 'requestTypeId'";
            case "email" -> "'to' (support@example.com)";
            default -> "'template' (a URL with {subject} and {description})";
        };
    }

    private static void required(ConfigReader s, String key, String provider, String example) {
        s.error(key, "'support." + provider + "." + key + "' is required for provider " + provider + ": add '" + example
                + "' under 'support." + provider + "'");
    }

    private static TicketProvider zendesk(ConfigReader s, Map<String, ConfigReader> perCategory, SiteConfig site) {
        String base;
        Optional<String> host = s.string("host");
        Optional<String> subdomain = s.string("subdomain");
        if (host.isPresent()) {
            base = host.get().matches("(?i)https?://.*") ? host.get() : "https://" + host.get();
        } else if (subdomain.isPresent()) {
            if (!subdomain.get().matches("[A-Za-z0-9][A-Za-z0-9-]*")) {
                s.error("subdomain", "'subdomain' is the first part of yourcompany.zendesk.com, such as 'yourcompany'");
            }
            base = "https://" + subdomain.get().toLowerCase(Locale.ROOT) + ".zendesk.com";
        } else {
            required(s, "subdomain", "zendesk", "subdomain: yourcompany");
            return null;
        }
        Map<String, String> locales = new TreeMap<>();
        for (LocaleInfo l : site.locales()) {
            locales.put(l.code(), ZendeskProvider.zendeskLocale(l.code()));
        }
        locales.putAll(stringMap(s, "locales"));
        Map<String, ZendeskProvider.Category> categories = new TreeMap<>();
        perCategory.forEach((id, c) -> categories.put(id, new ZendeskProvider.Category(number(c, "formid"),
                c.string("tag").orElse(""), stringMap(c, "fields"))));
        return new ZendeskProvider(base, locales, number(s, "formid"), number(s, "categoryfield"),
                stringMap(s, "fields"), categories);
    }

    private static TicketProvider github(ConfigReader s, Map<String, ConfigReader> perCategory) {
        Optional<String> repo = s.string("repo");
        if (repo.isEmpty()) {
            required(s, "repo", "github", "repo: owner/name");
            return null;
        }
        String name = repo.get().replaceFirst("(?i)^https?://[^/]+/", "").replaceAll("/+$", "");
        if (!name.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            s.error("repo", "'repo' must be owner/name, such as 'tidewell/support'");
        }
        String host = s.string("host").orElse("https://github.com").replaceAll("/+$", "");
        Map<String, GitHubProvider.Category> categories = new TreeMap<>();
        perCategory.forEach((id, c) -> categories.put(id, new GitHubProvider.Category(c.strings("labels"),
                c.string("template").orElse(""))));
        return new GitHubProvider(host + "/" + name, s.strings("labels"), s.string("template").orElse(""), categories);
    }

    private static TicketProvider jira(ConfigReader s, Map<String, ConfigReader> perCategory,
            List<ConfigReader> categoryReaders) {
        Optional<String> base = s.string("baseurl");
        String portal = number(s, "portalid");
        String type = number(s, "requesttypeid");
        boolean ok = true;
        if (base.isEmpty()) {
            required(s, "baseurl", "jira", "baseUrl: https://yourcompany.atlassian.net");
            ok = false;
        } else if (!base.get().matches("(?i)https?://.+")) {
            s.error("baseurl", "'baseUrl' must start with https://");
        }
        if (portal.isEmpty()) {
            required(s, "portalid", "jira", "portalId: 3");
            ok = false;
        }
        Map<String, JiraProvider.Category> categories = new TreeMap<>();
        perCategory.forEach((id, c) -> categories.put(id, new JiraProvider.Category(number(c, "requesttypeid"))));
        if (type.isEmpty()) {
            List<String> missing = categoryReaders.stream().map(c -> c.string("id").orElse(""))
                    .filter(id -> !id.isEmpty() && categories.getOrDefault(id, new JiraProvider.Category("")).requestTypeId().isEmpty())
                    .toList();
            if (!missing.isEmpty() || categoryReaders.isEmpty()) {
                required(s, "requesttypeid", "jira", "requestTypeId: 12");
                ok = false;
            }
        }
        return ok ? new JiraProvider(base.get(), portal, type, categories) : null;
    }

    private static TicketProvider email(ConfigReader s, Map<String, ConfigReader> perCategory) {
        List<String> to = s.strings("to");
        if (to.isEmpty()) {
            required(s, "to", "email", "to: support@example.com");
            return null;
        }
        checkAddresses(s, "to", to);
        checkAddresses(s, "cc", s.strings("cc"));
        Map<String, EmailProvider.Category> categories = new TreeMap<>();
        perCategory.forEach((id, c) -> {
            checkAddresses(c, "to", c.strings("to"));
            categories.put(id, new EmailProvider.Category(c.strings("to")));
        });
        return new EmailProvider(to, s.strings("cc"), categories);
    }

    private static void checkAddresses(ConfigReader r, String key, List<String> addresses) {
        for (String a : addresses) {
            if (!a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                r.error(key, "'" + a + "' is not an email address");
            }
        }
    }

    private static TicketProvider urlTemplate(ConfigReader s, Map<String, ConfigReader> perCategory) {
        Optional<String> template = s.string("template");
        if (template.isEmpty()) {
            required(s, "template", "url", "template: https://desk.example.com/new?subject={subject}&body={description}");
            return null;
        }
        if (!template.get().matches("(?i)(https?|mailto):.+")) {
            s.error("template", "'template' must be an absolute URL (https://...)");
        }
        if (!template.get().contains("{subject}") && !template.get().contains("{description}")) {
            s.warning("template", "'template' has neither {subject} nor {description}; tickets will not be prefilled");
        }
        Matcher unknown = Pattern.compile("\\{([A-Za-z]+)}").matcher(template.get());
        Set<String> known = Set.of("subject", "description", "category", "locale", "url", "title");
        while (unknown.find()) {
            if (!known.contains(unknown.group(1))) {
                s.warning("template", "unknown placeholder {" + unknown.group(1) + "}"
                        + Suggestions.didYouMean(unknown.group(1), known) + "; it is kept as written");
            }
        }
        Map<String, UrlTemplateProvider.Category> categories = new TreeMap<>();
        perCategory.forEach((id, c) -> categories.put(id, new UrlTemplateProvider.Category(c.string("value").orElse(""))));
        return new UrlTemplateProvider(template.get(), categories);
    }

    /** An id written as a number or text (YAML reads 360001234567 as a number). */
    private static String number(ConfigReader r, String key) {
        Object v = r.raw(key);
        if (v == null) {
            return "";
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            r.error(key, "'" + key + "' must be a number or text");
            return "";
        }
        return v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v).strip();
    }

    /** A map whose keys are data (field ids, locale codes), so they keep their case. */
    private static Map<String, String> stringMap(ConfigReader r, String key) {
        Object v = r.raw(key);
        Map<String, String> out = new TreeMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> map)) {
            r.error(key, "'" + key + "' must be a map of keys and values");
            return out;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
                r.error(key, "'" + key + "." + e.getKey() + "' must be text or a number");
            } else if (e.getValue() != null) {
                Object value = e.getValue();
                out.put(String.valueOf(e.getKey()).strip(), value instanceof Double d && d == Math.rint(d)
                        ? String.valueOf(d.longValue()) : String.valueOf(value).strip());
            }
        }
        return out;
    }

    // ---- channels, emergency, official list, feedback

    private static Optional<Channel> channel(ConfigReader c, Set<String> categoryIds, List<String> locales) {
        c.warnUnknownKeys(CHANNEL_KEYS);
        Optional<LocalizedText> name = c.localized("name");
        if (name.isEmpty()) {
            c.error("name", "each channel needs a 'name' (\"Live chat\"), per locale or one for all");
            return Optional.empty();
        }
        warnMissingLocales(c, "name", name.get(), locales);
        String type = c.string("type").map(t -> t.toLowerCase(Locale.ROOT)).orElse("other");
        if (!CHANNEL_TYPES.contains(type)) {
            c.error("type", "unknown channel type '" + type + "'" + Suggestions.didYouMean(type, CHANNEL_TYPES)
                    + "; use one of " + String.join(", ", CHANNEL_TYPES));
        }
        String id = c.string("id").orElse(type + "-" + name.get().get(locales.get(0), locales.get(0))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        Optional<LocalizedText> url = c.localized("url");
        String phone = c.string("phone").orElse("");
        if (url.isEmpty() && phone.isEmpty() && !type.equals("ticket")) {
            c.error("name", "channel '" + id + "' needs a 'url' or a 'phone' (only type 'ticket' may leave both out: it links to the ticket form)");
        }
        if (!phone.isEmpty() && phone.replaceAll("\\D", "").length() < 5) {
            c.error("phone", "'" + phone + "' is not a phone number");
        }
        long minutes = Long.MAX_VALUE;
        Optional<String> time = c.string("responsetime");
        if (time.isPresent()) {
            Matcher m = DURATION.matcher(time.get().strip());
            if (m.matches()) {
                double value = Double.parseDouble(m.group(1));
                String unit = m.group(2) == null ? "m" : m.group(2).toLowerCase(Locale.ROOT);
                double factor = unit.startsWith("d") ? 1440 : unit.startsWith("h") ? 60 : 1;
                minutes = Math.round(value * factor);
            } else {
                c.error("responsetime", "'responseTime' must be a duration such as 2m, 24h or 2d (for ordering by speed)");
            }
        }
        List<String> categories = c.strings("categories");
        for (String cat : categories) {
            if (!categoryIds.contains(cat)) {
                c.error("categories", "channel '" + id + "' lists category '" + cat + "', which is not defined"
                        + Suggestions.didYouMean(cat, categoryIds));
            }
        }
        List<String> only = c.strings("locales");
        for (String l : only) {
            if (locales.stream().noneMatch(x -> x.equalsIgnoreCase(l))) {
                c.warning("locales", "channel '" + id + "' lists locale '" + l + "', which the site does not have"
                        + Suggestions.didYouMean(l, locales));
            }
        }
        url.ifPresent(u -> warnMissingLocales(c, "url", u, locales));
        url.ifPresent(u -> u.byLocale().values().forEach(v -> LinkUrls.check(c, "url", v)));
        return Optional.of(new Channel(id, type, name.get(), url.orElse(LocalizedText.of("")), phone,
                optional(c, "hours", locales), c.string("timezone").orElse(""), optional(c, "response", locales),
                minutes, categories, only, optional(c, "note", locales)));
    }

    private static Emergency emergency(ConfigReader e, List<String> locales) {
        e.warnUnknownKeys(EMERGENCY_KEYS);
        Optional<LocalizedText> title = e.localized("title");
        if (title.isEmpty()) {
            e.error("title", "'support.emergency' needs a 'title' (\"Account compromised? Freeze it now\")");
            return null;
        }
        warnMissingLocales(e, "title", title.get(), locales);
        Optional<LocalizedText> url = e.localized("url");
        String phone = e.string("phone").orElse("");
        if (url.isEmpty() && phone.isEmpty()) {
            e.error("title", "'support.emergency' needs a 'url' or a 'phone' to act on");
        }
        Map<String, List<String>> triggers = new TreeMap<>();
        Object raw = e.raw("triggers");
        if (raw instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                List<String> words = new ArrayList<>();
                if (entry.getValue() instanceof List<?> list) {
                    list.stream().filter(o -> o != null && !String.valueOf(o).isBlank())
                            .forEach(o -> words.add(String.valueOf(o).strip()));
                } else if (entry.getValue() != null) {
                    words.add(String.valueOf(entry.getValue()).strip());
                }
                triggers.put(String.valueOf(entry.getKey()), List.copyOf(words));
            }
        } else if (raw instanceof List<?> list) {
            triggers.put("*", list.stream().filter(o -> o != null).map(o -> String.valueOf(o).strip()).toList());
        } else if (raw != null) {
            e.error("triggers", "'triggers' must be a list of words, or a map of locale: list of words");
        }
        url.ifPresent(u -> warnMissingLocales(e, "url", u, locales));
        url.ifPresent(u -> u.byLocale().values().forEach(v -> LinkUrls.check(e, "url", v)));
        return new Emergency(title.get(), optional(e, "text", locales), url.orElse(LocalizedText.of("")),
                optional(e, "linktext", locales), phone,
                e.string("article").map(a -> a.replaceAll("^/+|/+$", "").replaceAll("\\.md$", "")).orElse(""),
                triggers);
    }

    private static Official official(ConfigReader o) {
        o.warnUnknownKeys(OFFICIAL_KEYS);
        List<String> domains = new ArrayList<>();
        for (String d : o.strings("domains")) {
            String host = d.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceAll("/.*$", "");
            if (!DOMAIN.matcher(host).matches()) {
                o.error("domains", "'" + d + "' is not a domain name such as example.com");
            } else {
                domains.add(host);
            }
        }
        List<String> emails = new ArrayList<>();
        for (String e : o.strings("emails")) {
            String lower = e.toLowerCase(Locale.ROOT);
            if (!lower.matches("[^@\\s]*@[^@\\s]+\\.[^@\\s]+")) {
                o.error("emails", "'" + e + "' is not an email address or '@domain' (any address at that domain)");
            } else {
                emails.add(lower);
            }
        }
        List<Handle> handles = new ArrayList<>();
        Object raw = o.raw("handles");
        if (raw instanceof List<?> list && list.stream().anyMatch(item -> item instanceof Map<?, ?>)) {
            // With any map in the list, all items must be maps: children() reports the others with their lines.
            for (ConfigReader h : o.children("handles")) {
                h.warnUnknownKeys(Set.of("platform", "handle", "url"));
                Optional<String> handle = h.string("handle");
                if (handle.isEmpty()) {
                    h.error("handle", "each official handle needs 'handle' (@name)");
                } else {
                    String url = h.string("url").orElse("");
                    LinkUrls.check(h, "url", url);
                    handles.add(new Handle(h.string("platform").orElse(""), handle.get(), url));
                }
            }
        } else {
            o.strings("handles").forEach(h -> handles.add(new Handle("", h, "")));
        }
        List<String> phones = new ArrayList<>();
        for (String p : o.strings("phones")) {
            if (p.replaceAll("\\D", "").length() < 7) {
                o.error("phones", "'" + p + "' is not a phone number (with country code: +1 415 555 0100)");
            } else {
                phones.add(p);
            }
        }
        List<String> names = o.strings("names");
        if (names.isEmpty()) {
            names = domains.stream().map(d -> d.split("\\.")[0]).distinct().toList();
        }
        return new Official(List.copyOf(names), List.copyOf(domains), List.copyOf(emails), List.copyOf(handles),
                List.copyOf(phones));
    }

    private static Feedback feedback(ConfigReader f) {
        f.warnUnknownKeys(FEEDBACK_KEYS);
        String endpoint = f.string("endpoint").orElse("");
        if (!endpoint.isEmpty() && !endpoint.startsWith("/") && !endpoint.matches("(?i)https?://.+")) {
            f.error("endpoint", "'endpoint' must be a path on this site (/api/feedback) or an https:// URL");
        }
        return new Feedback(f.bool("enabled", true), endpoint);
    }
}
