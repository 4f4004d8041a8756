package dev.pharos.support;

import java.util.Map;

/**
 * Any other form, through a URL template with {@code {subject}}, {@code {description}}, {@code {category}},
 * {@code {locale}}, {@code {url}} and {@code {title}}; each value is percent-encoded where it is put.
 *
 * @param template   {@code https://desk.example.com/new?s={subject}&d={description}}
 * @param categories per-category values for {@code {category}}, by category id
 */
public record UrlTemplateProvider(String template, Map<String, Category> categories) implements TicketProvider {

    /** @param value what {@code {category}} becomes; empty means the category id */
    public record Category(String value) {
        public Category {
            value = Values.text(value);
        }
    }

    public UrlTemplateProvider {
        template = Values.text(template);
        categories = Values.sorted(categories);
    }

    @Override
    public String build(TicketDraft draft) {
        Category category = categories.get(draft.category());
        return Values.expand(template, draft, Values.firstNonEmpty(category == null ? "" : category.value(),
                draft.category()), true);
    }
}
