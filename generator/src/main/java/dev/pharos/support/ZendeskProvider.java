package dev.pharos.support;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Zendesk Guide's "submit a request" form:
 * {@code {base}/hc/{locale}/requests/new?ticket_form_id=…&tf_subject=…&tf_description=…&tf_{field}=…}.
 *
 * @param base          {@code https://{subdomain}.zendesk.com} or a host-mapped help center's origin
 * @param locales       Pharos locale → Zendesk locale ({@code zh-CN} → {@code zh-cn}); missing ones are lower-cased,
 *                      and {@code en} becomes {@code en-us}
 * @param formId        the ticket form; empty for the account's default form
 * @param categoryField the id of a drop-down custom field that receives the category's option tag; empty for none
 * @param fields        further custom fields, id → value; values may use {@code {locale}}, {@code {url}},
 *                      {@code {title}} and {@code {category}}
 * @param categories    per-category overrides, by category id
 */
public record ZendeskProvider(String base, Map<String, String> locales, String formId, String categoryField,
        Map<String, String> fields, Map<String, Category> categories) implements TicketProvider {

    /**
     * @param formId another form for this category, or empty
     * @param tag    the drop-down option's tag (not its label); empty means the category id
     * @param fields more custom fields for this category, overriding the site's
     */
    public record Category(String formId, String tag, Map<String, String> fields) {
        public Category {
            formId = Values.text(formId);
            tag = Values.text(tag);
            fields = Values.sorted(fields);
        }
    }

    public ZendeskProvider {
        base = Values.text(base).replaceAll("/+$", "");
        locales = Values.sorted(locales);
        formId = Values.text(formId);
        categoryField = Values.text(categoryField);
        fields = Values.sorted(fields);
        categories = Values.sorted(categories);
    }

    /** Zendesk's name for a locale: lower case, and plain English is {@code en-us}. */
    public static String zendeskLocale(String locale) {
        String lower = locale.toLowerCase(Locale.ROOT);
        return lower.equals("en") ? "en-us" : lower;
    }

    @Override
    public String build(TicketDraft draft) {
        Category category = categories.get(draft.category());
        String tag = Values.firstNonEmpty(category == null ? "" : category.tag(), draft.category());
        String locale = locales.getOrDefault(draft.locale(), zendeskLocale(draft.locale()));
        StringBuilder url = new StringBuilder(base).append("/hc/").append(Percent.component(locale)).append("/requests/new");
        Values.param(url, "ticket_form_id", Values.firstNonEmpty(category == null ? "" : category.formId(), formId));
        Values.param(url, "tf_subject", draft.subject());
        Values.param(url, "tf_description", draft.description());
        Map<String, String> all = new TreeMap<>(fields);
        if (category != null) {
            all.putAll(category.fields());
        }
        if (!categoryField.isEmpty()) {
            all.put(categoryField, tag);
        }
        for (Map.Entry<String, String> field : all.entrySet()) {
            Values.param(url, "tf_" + Percent.component(field.getKey()),
                    Values.expand(field.getValue(), draft, tag, false));
        }
        return url.toString();
    }
}
