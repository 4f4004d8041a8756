package dev.pharos.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.build.BuildContext;
import dev.pharos.build.BuildStage;
import dev.pharos.build.Views;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.PageKind;
import dev.pharos.render.UiStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The support stage: ticket links, "Still need help?", channels, the emergency banner, feedback, and the
 * {@code /<locale>/contact/} and {@code /<locale>/verify/} pages.
 *
 * <p>Everything a template needs is computed here, in Java, so pages work without JavaScript; the browser modules
 * only add what needs the reader's input (the contact assistant, the checker, votes).
 */
public final class SupportStage implements BuildStage {

    /** The model key templates read. */
    public static final String MODEL = "support";

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private SupportConfig config = SupportConfig.none();

    @Override
    public String name() {
        return "support";
    }

    public SupportConfig config() {
        return config;
    }

    @Override
    public void prepare(BuildContext context, List<Problem> problems) {
        Optional<dev.pharos.internal.ConfigReader> section = context.site().config().section("support", problems);
        if (section.isEmpty()) {
            return;
        }
        config = SupportConfig.parse(section.get(), context.site().config(), problems);
        checkPageCategories(context, problems);
        checkEmergencyArticle(context, section.get());
    }

    /** A page naming a category the config does not have gets the default one, and its writer a warning. */
    private void checkPageCategories(BuildContext context, List<Problem> problems) {
        if (config.categories().isEmpty()) {
            return;
        }
        List<String> ids = config.categories().stream().map(SupportConfig.Category::id).toList();
        for (Page page : context.site().pages()) {
            String id = page.ticketCategory();
            if (id == null || page.fallback() || page.source() == null || ids.contains(id)) {
                continue;
            }
            problems.add(Problem.warning(page.source(), ticketLine(page),
                    "ticket category '" + id + "' is not in 'support.categories' of pharos.yml"
                            + dev.pharos.internal.Suggestions.didYouMean(id, ids) + "; the ticket link uses '"
                            + config.defaultCategory() + "'. Known: " + String.join(", ", ids)));
        }
    }

    /** The line of {@code ticket:} (or its {@code category:}) in a page's front matter, or 0. */
    static int ticketLine(Page page) {
        if (page.sourcePath() == null) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(page.sourcePath(), StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
                if (lines.get(i).matches("ticket\\s*:.*")) {
                    if (!lines.get(i).replaceFirst("ticket\\s*:", "").isBlank() && !lines.get(i).contains("{")) {
                        return i + 1;
                    }
                    for (int j = i; j < lines.size() && j < i + 4; j++) {
                        if (lines.get(j).matches(".*\\bcategory\\s*:.*")) {
                            return j + 1;
                        }
                    }
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private void checkEmergencyArticle(BuildContext context, dev.pharos.internal.ConfigReader section) {
        if (config.emergency() == null || config.emergency().article().isEmpty()) {
            return;
        }
        String locale = context.site().config().defaultLocale();
        if (context.site().page(locale, config.emergency().article()).isEmpty()) {
            section.child("emergency").ifPresent(e -> e.warning("article", "emergency article '"
                    + config.emergency().article() + "' is not a page of the site; the banner links to none"));
        }
    }

    @Override
    public void decorate(BuildContext context, Page page, String locale, Map<String, Object> model) {
        Views.PageView view = (Views.PageView) model.get("page");
        String kind = view == null ? "" : view.kind();
        String base = context.site().config().basePath() + locale + "/";
        SupportViews.EmergencyView emergency = emergency(context, locale);
        if (page == null || page.kind() == PageKind.HOME) {
            model.put(MODEL, new SupportViews.PageSupport(configured(),
                    null, null, List.of(), "contact".equals(kind) && emergency != null, emergency, null,
                    base + "contact/", base + "verify/"));
            return;
        }
        String categoryId = resolveCategory(context, page);
        SupportViews.CategoryView category = null;
        SupportViews.TicketView notSolved = null;
        // Fallback pages point at the original: the agent reads the text the reader read.
        String url = view == null ? page.url() : view.canonicalUrl();
        if (categoryId != null) {
            SupportConfig.Category c = config.category(categoryId).orElseThrow();
            category = categoryView(context, c, locale, page.title(), "", url, page.title());
            if (config.provider() != null) {
                notSolved = ticket(context, c, locale, page.title(),
                        context.strings(locale).get("support.ticket.notSolved"), url, page.title());
            }
        }
        SupportViews.TicketView ticket = category == null ? null : category.ticket();
        List<SupportViews.ChannelView> channels = channels(context, locale, categoryId, ticket);
        SupportViews.FeedbackView feedback = config.feedback().enabled() && page.kind() == PageKind.ARTICLE
                ? new SupportViews.FeedbackView(page.id(), locale, config.feedback().endpoint()) : null;
        model.put(MODEL, new SupportViews.PageSupport(configured(), category, notSolved, channels,
                context.models().isUrgent(page) && emergency != null, emergency, feedback,
                base + "contact/", base + "verify/"));
    }

    /** Whether there is anything to offer beyond the scam notice: a ticket link or a channel. */
    private boolean configured() {
        return config.provider() != null || !config.channels().isEmpty();
    }

    /** The page's category: its own or its section's, else the site's default; null with no categories. */
    private String resolveCategory(BuildContext context, Page page) {
        String id = context.models().ticketCategory(page);
        if (id != null && config.category(id).isPresent()) {
            return id;
        }
        return config.defaultCategory().isEmpty() ? null : config.defaultCategory();
    }

    private SupportViews.CategoryView categoryView(BuildContext context, SupportConfig.Category c, String locale,
            String summary, String message, String url, String title) {
        String defaultLocale = context.site().config().defaultLocale();
        List<SupportViews.DetailView> details = c.details().stream()
                .map(d -> new SupportViews.DetailView(d.id(), d.label().get(locale, defaultLocale),
                        d.hint().get(locale, defaultLocale), d.attach()))
                .toList();
        SupportViews.TicketView ticket = config.provider() == null ? null
                : ticket(context, c, locale, summary, message, url, title);
        return new SupportViews.CategoryView(c.id(), c.label(locale, defaultLocale),
                c.description().get(locale, defaultLocale), details, ticket);
    }

    private SupportViews.TicketView ticket(BuildContext context, SupportConfig.Category c, String locale,
            String summary, String message, String url, String title) {
        TicketDraft draft = draft(context, c, locale, summary, message, url, title);
        TicketProvider provider = config.provider();
        String link = TicketUrls.url(provider, draft, config.maxUrlLength());
        return new SupportViews.TicketView(link, provider.prefills(), draft.subject(), draft.description(),
                draft.subject() + "\n\n" + draft.description(), link.startsWith("mailto:"));
    }

    TicketDraft draft(BuildContext context, SupportConfig.Category c, String locale, String summary, String message,
            String url, String title) {
        String defaultLocale = context.site().config().defaultLocale();
        List<TicketText.Blank> blanks = c.details().stream()
                .map(d -> new TicketText.Blank(d.label().get(locale, defaultLocale), d.attach())).toList();
        return ticketText(context.strings(locale)).draft(c.id(), c.label(locale, defaultLocale), summary, message,
                blanks, locale, localeLabel(context, locale), url, title);
    }

    static TicketText ticketText(UiStrings strings) {
        return new TicketText(strings.get("support.ticket.pair"), strings.get("support.ticket.problem"),
                strings.get("support.ticket.attach"), strings.get("support.ticket.article"),
                strings.get("support.ticket.language"));
    }

    private static String localeLabel(BuildContext context, String locale) {
        return context.site().config().locale(locale).map(LocaleInfo::label).orElse(locale);
    }

    /** Channels of a locale relevant to a category (all for null), fastest first, ties in config order. */
    private List<SupportViews.ChannelView> channels(BuildContext context, String locale, String categoryId,
            SupportViews.TicketView ticket) {
        String defaultLocale = context.site().config().defaultLocale();
        List<SupportConfig.Channel> chosen = new ArrayList<>();
        for (SupportConfig.Channel c : config.channels()) {
            if (c.availableIn(locale) && (categoryId == null || c.relevantTo(categoryId))) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingLong(SupportConfig.Channel::responseMinutes));
        List<SupportViews.ChannelView> out = new ArrayList<>();
        for (SupportConfig.Channel c : chosen) {
            String url = c.url().get(locale, defaultLocale);
            boolean isTicket = c.type().equals("ticket") && url.isEmpty();
            if (isTicket) {
                if (ticket == null) {
                    continue;
                }
                url = ticket.url();
            }
            out.add(new SupportViews.ChannelView(c.id(), c.type(), c.name().get(locale, defaultLocale), url,
                    c.phone(), telHref(c.phone()), c.hours().get(locale, defaultLocale), c.timezone(),
                    c.response().get(locale, defaultLocale), c.note().get(locale, defaultLocale), isTicket));
        }
        return out;
    }

    static String telHref(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String digits = phone.replaceAll("\\D", "");
        return "tel:" + (phone.strip().startsWith("+") ? "+" : "") + digits;
    }

    private SupportViews.EmergencyView emergency(BuildContext context, String locale) {
        SupportConfig.Emergency e = config.emergency();
        if (e == null) {
            return null;
        }
        String defaultLocale = context.site().config().defaultLocale();
        Optional<Page> article = e.article().isEmpty() ? Optional.empty() : context.site().page(locale, e.article());
        return new SupportViews.EmergencyView(e.title().get(locale, defaultLocale), e.text().get(locale, defaultLocale),
                e.url().get(locale, defaultLocale), e.linkText().get(locale, defaultLocale), e.phone(),
                telHref(e.phone()), article.map(Page::url).orElse(""), article.map(Page::title).orElse(""),
                json(e.allTriggers()));
    }

    @Override
    public void finish(BuildContext context) throws PharosException {
        String basePath = context.site().config().basePath();
        for (LocaleInfo locale : context.locales()) {
            String code = locale.code();
            UiStrings strings = context.strings(code);
            String contactUrl = basePath + code + "/contact/";
            String dataUrl = "";
            if (config.provider() != null) {
                byte[] data = ticketData(context, code).getBytes(StandardCharsets.UTF_8);
                String path = "_pharos/support/tickets." + code + "." + hash(data) + ".json";
                context.output().write(path, data, "support");
                dataUrl = basePath + path;
            }
            List<SupportViews.CategoryView> categories = new ArrayList<>();
            for (SupportConfig.Category c : config.categories()) {
                categories.add(categoryView(context, c, code, "", "", "", ""));
            }
            SupportViews.CategoryView general = config.category(config.defaultCategory())
                    .map(c -> categoryView(context, c, code, "", "", "", "")).orElse(null);
            List<SupportViews.ChannelView> channels = channels(context, code, null,
                    general == null ? null : general.ticket());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("contact", new SupportViews.ContactView(List.copyOf(categories), channels, dataUrl,
                    config.providerName(), config.provider() != null && config.provider().prefills()));
            context.renderPage("contact", code, context.models().generatedView("contact", code,
                    strings.get("support.contact.title"), strings.get("support.contact.lead"), contactUrl), extra,
                    contactUrl);

            String verifyUrl = basePath + code + "/verify/";
            Map<String, Object> verify = new LinkedHashMap<>();
            verify.put("verify", verifyView(strings));
            context.renderPage("verify", code, context.models().generatedView("verify", code,
                    strings.get("support.verify.title"), strings.get("support.verify.lead"), verifyUrl), verify,
                    verifyUrl);
        }
    }

    /**
     * What the contact assistant needs to build ticket links in the browser, in one locale: the file
     * {@code /_pharos/support/tickets.<locale>.<hash>.json}. A record, so the provider keeps its {@code type}.
     */
    record TicketData(String locale, String localeLabel, int maxLength, TicketProvider provider, TicketText text,
            List<TicketCategoryData> categories) {
    }

    /** One category as the assistant needs it: its label and the blanks to write into the ticket. */
    record TicketCategoryData(String id, String label, List<TicketText.Blank> details) {
    }

    String ticketData(BuildContext context, String locale) {
        String defaultLocale = context.site().config().defaultLocale();
        List<TicketCategoryData> categories = new ArrayList<>();
        for (SupportConfig.Category c : config.categories()) {
            categories.add(new TicketCategoryData(c.id(), c.label(locale, defaultLocale), c.details().stream()
                    .map(d -> new TicketText.Blank(d.label().get(locale, defaultLocale), d.attach())).toList()));
        }
        return json(new TicketData(locale, localeLabel(context, locale), config.maxUrlLength(), config.provider(),
                ticketText(context.strings(locale)), categories));
    }

    private SupportViews.VerifyView verifyView(UiStrings strings) {
        SupportConfig.Official o = config.official();
        Map<String, String> texts = new TreeMap<>();
        strings.all().forEach((k, v) -> {
            if (k.startsWith("support.verify.")) {
                texts.put(k.substring("support.verify.".length()), v);
            }
        });
        List<SupportViews.HandleView> handles = o.handles().stream()
                .map(h -> new SupportViews.HandleView(h.platform(), h.handle(), h.url())).toList();
        List<SupportViews.PhoneView> phones = o.phones().stream()
                .map(p -> new SupportViews.PhoneView(p, telHref(p))).toList();
        List<SupportViews.EmailView> emails = o.emails().stream()
                .map(e -> new SupportViews.EmailView(e, e.startsWith("@"))).toList();
        return new SupportViews.VerifyView(o.names(), o.domains(), emails, handles, phones, json(o), json(texts),
                o.isEmpty());
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("support data is not serializable", e);
        }
    }

    private static String hash(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
