package dev.pharos.render;

import dev.pharos.Problem;
import dev.pharos.internal.TextFiles;
import dev.pharos.internal.Yaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's interface text in one locale ("Search", "Was this helpful?"), from {@code i18n/<locale>.yml}.
 * Missing keys fall back from {@code zh-CN} to {@code zh} to {@code en}, so a new language works before it is
 * fully translated. Values may hold {@code {0}}, {@code {1}}... placeholders.
 */
public final class UiStrings {

    private final String locale;
    private final Map<String, String> values;

    private UiStrings(String locale, Map<String, String> values) {
        this.locale = locale;
        this.values = values;
    }

    /** Loads the strings of {@code locale} with its fallbacks; problems name the file and line. */
    public static UiStrings load(Theme theme, String locale, List<Problem> problems) {
        Map<String, String> merged = new TreeMap<>();
        for (String tag : fallbackChain(locale)) {
            for (Path file : theme.stringFiles(tag)) {
                readInto(file, merged, problems);
            }
        }
        return new UiStrings(locale, merged);
    }

    /** {@code zh-Hant-TW} → [en, zh, zh-Hant, zh-Hant-TW]: least specific first, so specific ones win. */
    static List<String> fallbackChain(String locale) {
        java.util.ArrayList<String> chain = new java.util.ArrayList<>();
        chain.add("en");
        Locale l = Locale.forLanguageTag(locale);
        String language = l.getLanguage();
        if (!language.equals("en") || !locale.equals("en")) {
            if (!chain.contains(language)) {
                chain.add(language);
            }
            if (!l.getScript().isEmpty()) {
                chain.add(language + "-" + l.getScript());
            }
            if (!chain.contains(locale)) {
                chain.add(locale);
            }
        }
        return chain;
    }

    private static void readInto(Path file, Map<String, String> merged, List<Problem> problems) {
        String label = "themes/" + file.getParent().getParent().getFileName() + "/i18n/" + file.getFileName();
        try {
            Yaml.Document doc = Yaml.parse(TextFiles.read(file, label), 1);
            flatten("", doc.map(), merged);
        } catch (TextFiles.Unreadable e) {
            problems.add(e.problem());
        } catch (Yaml.SyntaxError e) {
            problems.add(Problem.error(label, e.line(), "not valid YAML: " + e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> out) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key, (Map<String, Object>) nested, out);
            } else if (e.getValue() != null) {
                out.put(key, String.valueOf(e.getValue()));
            }
        }
    }

    public String locale() {
        return locale;
    }

    /** The text for a key with {@code {0}}-style arguments filled in; the key itself when missing. */
    public String get(String key, Object... args) {
        String value = values.get(key);
        if (value == null) {
            return key;
        }
        for (int i = 0; i < args.length; i++) {
            value = value.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return value;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Every string, for scripts that need them (the search UI). */
    public Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
