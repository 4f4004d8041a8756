package dev.pharos.support;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers shared by the providers: null-safe sorted copies and placeholder expansion. */
final class Values {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(subject|description|category|locale|url|title)}");

    private Values() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** A sorted copy, so JSON output and query parameters never depend on hash order. */
    static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /**
     * Replaces {@code {subject}}, {@code {description}}, {@code {category}}, {@code {locale}}, {@code {url}} and
     * {@code {title}} in one pass, each value percent-encoded when {@code encode} is set. Other braces stay.
     */
    static String expand(String template, TicketDraft draft, String category, boolean encode) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "subject" -> draft.subject();
                case "description" -> draft.description();
                case "category" -> category;
                case "locale" -> draft.locale();
                case "url" -> draft.url();
                default -> draft.title();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(encode ? Percent.component(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Appends {@code name=value} (value encoded) to a query, skipping empty values. */
    static void param(StringBuilder url, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(Percent.component(value));
    }
}
