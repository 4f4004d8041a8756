package dev.pharos.internal;

import dev.pharos.Problem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validating access to one map of a YAML document (the site config or a page's front matter).
 *
 * <p>Every wrong type becomes an error and every unknown key a warning, each with the file and line of the key,
 * collected into a shared problem list instead of thrown: a writer sees all mistakes at once. Keys compare
 * case-insensitively ({@code Description} is {@code description}).
 */
public final class ConfigReader {

    private final String file;
    private final Yaml.Document document;
    private final String path;
    private final Map<String, Object> raw;
    private final Map<String, Object> values;
    private final Map<String, String> originalKeys;
    private final List<Problem> problems;
    private final int defaultLine;

    private ConfigReader(String file, Yaml.Document document, String path, Map<String, Object> raw,
            List<Problem> problems, int defaultLine) {
        this.file = file;
        this.document = document;
        this.path = path;
        this.raw = raw;
        this.problems = problems;
        this.defaultLine = defaultLine;
        this.values = new LinkedHashMap<>();
        this.originalKeys = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            // The first spelling wins when a file has both "Description" and "description".
            if (!values.containsKey(key) || values.get(key) == null) {
                values.put(key, e.getValue());
                originalKeys.put(key, e.getKey());
            }
        }
    }

    public static ConfigReader of(String file, Yaml.Document document, List<Problem> problems, int defaultLine) {
        return new ConfigReader(file, document, "", document.map(), problems, defaultLine);
    }

    /** The same values, reporting into another list: a parse kept by the preview and read again by a later build. */
    public ConfigReader reportingTo(List<Problem> other) {
        return new ConfigReader(file, document, path, raw, other, defaultLine);
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** All values with lower-cased keys, for templates. */
    public Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /** The 1-based line of a key of this map. */
    public int line(String key) {
        String original = originalKeys.getOrDefault(key, key);
        return document.lineOf(path.isEmpty() ? original : path + "." + original, lineOfSelf());
    }

    private int lineOfSelf() {
        return path.isEmpty() ? defaultLine : document.lineOf(path, defaultLine);
    }

    public void error(String key, String message) {
        problems.add(Problem.error(file, line(key), message));
    }

    public void warning(String key, String message) {
        problems.add(Problem.warning(file, line(key), message));
    }

    private String describe(String key) {
        return path.isEmpty() ? "'" + originalKeys.getOrDefault(key, key) + "'"
                : "'" + path + "." + originalKeys.getOrDefault(key, key) + "'";
    }

    /** Warns about keys not in {@code known}, suggesting the nearest known one. */
    public void warnUnknownKeys(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                warning(key, "unknown key " + describe(key) + Suggestions.didYouMean(key, known)
                        + "; it is kept and passed to templates");
            }
        }
    }

    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            error(key, describe(key) + " must be text, not a " + (v instanceof Map ? "map" : "list"));
            return Optional.empty();
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (isBlank(v)) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        error(key, describe(key) + " must be true or false, not '" + v + "'");
        return fallback;
    }

    public Optional<Long> integer(String key) {
        Object v = values.get(key);
        if (isBlank(v)) {
            return Optional.empty();
        }
        if (v instanceof Long l) {
            return Optional.of(l);
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return Optional.of(d.longValue());
        }
        error(key, describe(key) + " must be a whole number, not '" + v + "'");
        return Optional.empty();
    }

    public Optional<LocalDate> date(String key) {
        Object v = values.get(key);
        if (isBlank(v)) {
            return Optional.empty();
        }
        if (v instanceof LocalDate d) {
            return Optional.of(d);
        }
        if (v instanceof OffsetDateTime t) {
            return Optional.of(t.toLocalDate());
        }
        if (v instanceof LocalDateTime t) {
            return Optional.of(t.toLocalDate());
        }
        if (v instanceof String s) {
            try {
                return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s));
            } catch (java.time.format.DateTimeParseException e) {
                // fall through to the error below
            }
        }
        error(key, describe(key) + " must be a date like 2026-03-01, not '" + v + "'");
        return Optional.empty();
    }

    /** {@code key:} and {@code key: ""} mean "not set", as in Hugo. */
    private static boolean isBlank(Object v) {
        return v == null || v instanceof String s && s.isBlank();
    }

    /** A list of strings; a single string is taken as a one-element list. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    error(key, describe(key) + " must be a list of text values");
                    return List.of();
                }
                if (item != null && !String.valueOf(item).isBlank()) {
                    out.add(String.valueOf(item).strip());
                }
            }
            return List.copyOf(out);
        }
        if (v instanceof Map<?, ?>) {
            error(key, describe(key) + " must be a list, not a map");
            return List.of();
        }
        return List.of(String.valueOf(v).strip());
    }

    /** Text that may be given once for all locales or as a map from locale code to text. */
    public Optional<LocalizedText> localized(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, String> byLocale = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
                    error(key, describe(key) + "." + e.getKey() + " must be text");
                } else if (e.getValue() != null) {
                    byLocale.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()).strip());
                }
            }
            return Optional.of(new LocalizedText(byLocale));
        }
        if (v instanceof List<?>) {
            error(key, describe(key) + " must be text or a map of locale: text");
            return Optional.empty();
        }
        return Optional.of(LocalizedText.of(String.valueOf(v).strip()));
    }

    /** A nested map, or empty when absent (an error when it is not a map). */
    public Optional<ConfigReader> child(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> map) {
            return Optional.of(nested(childPath(key), cast(map)));
        }
        error(key, describe(key) + " must be a map of keys and values");
        return Optional.empty();
    }

    /** A list of maps, such as {@code channels:}; items that are not maps are reported. */
    public List<ConfigReader> children(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            error(key, describe(key) + " must be a list");
            return List.of();
        }
        List<ConfigReader> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = childPath(key) + "[" + i + "]";
            if (item instanceof Map<?, ?> map) {
                out.add(nested(itemPath, cast(map)));
            } else {
                problems.add(Problem.error(file, document.lineOf(itemPath, line(key)),
                        describe(key) + " item " + (i + 1) + " must be a map of keys and values"));
            }
        }
        return out;
    }

    /** The raw value, for keys whose shape the caller checks itself. */
    public Object raw(String key) {
        return values.get(key);
    }

    private String childPath(String key) {
        String original = originalKeys.getOrDefault(key, key);
        return path.isEmpty() ? original : path + "." + original;
    }

    private ConfigReader nested(String childPath, Map<String, Object> map) {
        return new ConfigReader(file, document, childPath, map, problems, document.lineOf(childPath, defaultLine));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Lower-cases map keys at every depth, as Hugo does, so templates need not care how a writer spelt them. */
    public static Object lowerKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.putIfAbsent(String.valueOf(e.getKey()).toLowerCase(Locale.ROOT), lowerKeys(e.getValue()));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigReader::lowerKeys).toList();
        }
        return value;
    }
}
