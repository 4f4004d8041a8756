package dev.pharos.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An email link per RFC 6068: {@code mailto:to?cc=…&subject=…&body=…}, line breaks in the body as {@code %0D%0A}.
 *
 * @param to         the support addresses
 * @param cc         addresses copied on every message
 * @param categories per-category addresses, by category id
 */
public record EmailProvider(List<String> to, List<String> cc, Map<String, Category> categories)
        implements TicketProvider {

    /** @param to other addresses for this category, replacing the site's */
    public record Category(List<String> to) {
        public Category {
            to = Values.list(to);
        }
    }

    public EmailProvider {
        to = Values.list(to);
        cc = Values.list(cc);
        categories = Values.sorted(categories);
    }

    @Override
    public String build(TicketDraft draft) {
        Category category = categories.get(draft.category());
        List<String> recipients = category != null && !category.to().isEmpty() ? category.to() : to;
        StringBuilder url = new StringBuilder("mailto:").append(addresses(recipients));
        if (!cc.isEmpty()) {
            url.append("?cc=").append(addresses(cc));
        }
        Values.param(url, "subject", draft.subject());
        Values.param(url, "body", draft.description().replace("\n", "\r\n"));
        return url.toString();
    }

    /** Addresses keep their {@code @}; anything else outside RFC 3986's unreserved set is encoded. */
    private static String addresses(List<String> list) {
        return list.stream().map(a -> Percent.encode(a, "@")).collect(Collectors.joining(","));
    }
}
