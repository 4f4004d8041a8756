package dev.pharos.content;

import java.util.Locale;
import java.util.Set;

/**
 * One language of the site.
 *
 * @param code     the BCP 47 tag used in URLs ({@code /zh-CN/...}) and {@code lang} attributes
 * @param folder   the folder under the content root that holds this language's Markdown
 * @param label    the language's own name for the switcher ({@code 简体中文})
 * @param rtl      right-to-left script; the theme mirrors the layout
 * @param analyzer the search analyzer name ({@code english}, {@code cjk}, {@code standard}); null picks one by language
 */
public record LocaleInfo(String code, String folder, String label, boolean rtl, String analyzer) {

    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");

    public Locale javaLocale() {
        return Locale.forLanguageTag(code);
    }

    public String language() {
        return javaLocale().getLanguage();
    }

    public String dir() {
        return rtl ? "rtl" : "ltr";
    }

    static boolean isRightToLeft(String code) {
        return RTL_LANGUAGES.contains(Locale.forLanguageTag(code).getLanguage());
    }

    /** The language's name in itself: "English", "简体中文", "Deutsch". */
    static String nativeLabel(String code) {
        Locale locale = Locale.forLanguageTag(code);
        if (locale.getLanguage().equals("zh")) {
            String script = locale.getScript();
            String country = locale.getCountry();
            boolean traditional = script.equals("Hant") || Set.of("TW", "HK", "MO").contains(country);
            if (!script.isEmpty() || !country.isEmpty()) {
                return traditional ? "繁體中文" : "简体中文";
            }
            return "中文";
        }
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty()) {
            return code;
        }
        String label = name.substring(0, 1).toUpperCase(locale) + name.substring(1);
        if (!locale.getCountry().isEmpty()) {
            label += " (" + locale.getDisplayCountry(locale) + ")";
        }
        return label;
    }
}
