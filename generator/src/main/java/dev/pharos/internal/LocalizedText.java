package dev.pharos.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Text a writer gives once for every locale ({@code title: Help}) or per locale
 * ({@code title: {en: Help, zh-CN: 帮助中心}}). Lookup falls back from {@code zh-CN} to {@code zh}, then to the
 * default locale, then to the first value given.
 */
public record LocalizedText(Map<String, String> byLocale) {

    private static final String ANY = "*";

    public LocalizedText {
        byLocale = Map.copyOf(new java.util.LinkedHashMap<>(byLocale));
    }

    public static LocalizedText of(String text) {
        return new LocalizedText(Map.of(ANY, text));
    }

    public Optional<String> exact(String locale) {
        for (Map.Entry<String, String> e : byLocale.entrySet()) {
            if (e.getKey().equalsIgnoreCase(locale)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public String get(String locale, String defaultLocale) {
        Optional<String> found = exact(locale);
        if (found.isEmpty()) {
            String language = Locale.forLanguageTag(locale).getLanguage();
            found = exact(language);
        }
        if (found.isEmpty()) {
            found = exact(ANY);
        }
        if (found.isEmpty() && defaultLocale != null) {
            found = exact(defaultLocale);
        }
        return found.orElseGet(() -> byLocale.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).findFirst().orElse(""));
    }
}
