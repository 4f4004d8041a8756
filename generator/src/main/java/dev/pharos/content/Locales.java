package dev.pharos.content;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises folder names that are language codes ({@code en}, {@code zh-CN}, {@code pt-BR}, {@code zh-Hans}). */
final class Locales {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> THREE_LETTER = Set.of("fil", "yue", "haw", "ceb", "ckb", "gsw", "ast", "kab", "nds", "sah", "zgh");
    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*");

    private Locales() {
    }

    /** The canonical BCP 47 tag for a folder name, if the name is one; {@code zh_cn} becomes {@code zh-CN}. */
    static Optional<String> canonical(String name) {
        if (!SHAPE.matcher(name).matches()) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(name.replace('_', '-'));
        String language = locale.getLanguage();
        if (language.isEmpty() || !isKnownLanguage(language)) {
            return Optional.empty();
        }
        String tag = locale.toLanguageTag();
        return tag.equals("und") ? Optional.empty() : Optional.of(tag);
    }

    private static boolean isKnownLanguage(String language) {
        if (LANGUAGES.contains(language)) {
            return true;
        }
        // Three-letter codes are also ordinary words (new, art, man), so only those with no two-letter form that
        // help centers actually use count.
        return THREE_LETTER.contains(language);
    }
}
