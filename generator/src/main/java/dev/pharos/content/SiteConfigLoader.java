package dev.pharos.content;

import dev.pharos.Problem;
import dev.pharos.internal.ConfigReader;
import dev.pharos.internal.LinkUrls;
import dev.pharos.internal.LocalizedText;
import dev.pharos.internal.TextFiles;
import dev.pharos.internal.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Reads {@code pharos.yml}, or infers a config from the locale folders when there is none. */
final class SiteConfigLoader {

    /** Top-level folders that are never content. */
    static final Set<String> RESERVED_FOLDERS = Set.of("themes", "static", "synonyms", "target", "node_modules", "i18n",
            "layouts", "assets", "public", "resources", "archetypes", "data", "src", "docs", "bench");

    private SiteConfigLoader() {
    }

    static SiteConfig load(Path root, List<Problem> problems) {
        Path file = root.resolve(SiteConfig.FILE_NAME);
        Map<String, String> folders = localeFolders(root, problems);
        if (!Files.exists(file)) {
            return inferred(root, folders, problems);
        }
        Yaml.Document document;
        try {
            document = Yaml.parse(TextFiles.read(file, SiteConfig.FILE_NAME), 1);
        } catch (TextFiles.Unreadable e) {
            problems.add(e.problem());
            return inferred(root, folders, new ArrayList<>());
        } catch (Yaml.SyntaxError e) {
            problems.add(Problem.error(SiteConfig.FILE_NAME, e.line(), "not valid YAML: " + e.getMessage()));
            return inferred(root, folders, new ArrayList<>());
        }
        if (document.root() != null && !(document.root() instanceof Map<?, ?>)) {
            problems.add(Problem.error(SiteConfig.FILE_NAME, 1, "must be a map of settings (title:, locales:, ...)"));
            return inferred(root, folders, new ArrayList<>());
        }
        return fromDocument(root, document, folders, problems);
    }

    private static SiteConfig fromDocument(Path root, Yaml.Document document, Map<String, String> folders,
            List<Problem> problems) {
        ConfigReader config = ConfigReader.of(SiteConfig.FILE_NAME, document, problems, 1);
        config.warnUnknownKeys(SiteConfig.KNOWN_KEYS);

        List<LocaleInfo> locales = new ArrayList<>();
        if (config.has("locales")) {
            for (ConfigReader entry : localeEntries(config)) {
                Optional<String> code = entry.string("code");
                if (code.isEmpty()) {
                    entry.error("code", "each locale needs a code, such as 'code: en' or 'code: zh-CN'");
                    continue;
                }
                Optional<String> canonical = Locales.canonical(code.get());
                if (canonical.isEmpty()) {
                    entry.error("code", "'" + code.get() + "' is not a language code (use BCP 47, such as en, zh-CN, pt-BR)");
                    continue;
                }
                entry.warnUnknownKeys(Set.of("code", "label", "folder", "dir", "analyzer", "title"));
                String tag = canonical.get();
                String folder = entry.string("folder").orElse(folders.getOrDefault(tag, tag));
                boolean rtl = entry.string("dir").map(d -> d.equalsIgnoreCase("rtl")).orElse(LocaleInfo.isRightToLeft(tag));
                if (locales.stream().anyMatch(l -> l.code().equals(tag))) {
                    entry.error("code", "locale '" + tag + "' is listed twice");
                    continue;
                }
                locales.add(new LocaleInfo(tag, folder, entry.string("label").orElse(LocaleInfo.nativeLabel(tag)), rtl,
                        entry.string("analyzer").orElse(null)));
            }
            for (Map.Entry<String, String> folder : folders.entrySet()) {
                if (locales.stream().noneMatch(l -> l.folder().equalsIgnoreCase(folder.getValue()))) {
                    problems.add(Problem.error(folder.getValue() + "/", 0, "folder '" + folder.getValue()
                            + "' looks like a locale but is not in the 'locales' list of pharos.yml; add it there or rename the folder"));
                }
            }
        } else {
            locales.addAll(inferLocales(folders));
        }
        if (locales.isEmpty()) {
            problems.add(Problem.error(SiteConfig.FILE_NAME, config.line("locales"),
                    "no locales: list them under 'locales:' or add a folder per language (en/, zh-CN/)"));
            locales.add(new LocaleInfo("en", "en", "English", false, null));
        }

        String defaultLocale = config.string("defaultlocale").flatMap(Locales::canonical).orElse(null);
        if (config.has("defaultlocale") && (defaultLocale == null || locales.stream().noneMatch(l -> l.code().equals(
                Locales.canonical(config.string("defaultlocale", "")).orElse(""))))) {
            config.error("defaultlocale", "defaultLocale '" + config.string("defaultlocale", "")
                    + "' is not one of the locales " + locales.stream().map(LocaleInfo::code).toList());
            defaultLocale = null;
        }
        if (defaultLocale == null) {
            defaultLocale = pickDefault(locales);
        }

        String baseUrl = config.string("baseurl", "");
        SiteConfig.Base base;
        try {
            base = SiteConfig.Base.parse(baseUrl);
        } catch (IllegalArgumentException e) {
            config.error("baseurl", "baseUrl '" + baseUrl + "' must be an absolute URL such as https://help.example.com/ or a path such as /help/");
            base = SiteConfig.Base.parse("");
        }

        SiteConfig.Fallback fallback = SiteConfig.Fallback.NOTICE;
        Optional<String> fallbackValue = config.string("fallback");
        if (fallbackValue.isPresent()) {
            try {
                fallback = SiteConfig.Fallback.valueOf(fallbackValue.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                config.error("fallback", "fallback must be 'notice' or 'skip', not '" + fallbackValue.get() + "'");
            }
        }

        boolean trusted = config.child("markdown").map(m -> {
            m.warnUnknownKeys(Set.of("trustedhtml"));
            return m.bool("trustedhtml", false);
        }).orElse(false);
        List<String> pinned = config.child("home").map(h -> {
            h.warnUnknownKeys(Set.of("pinned"));
            return h.strings("pinned");
        }).orElse(List.of());
        Map<String, Object> params = config.child("params").map(ConfigReader::values).orElse(Map.of());

        String editUrl = config.string("editurl", "");
        LinkUrls.check(config, "editurl", editUrl);
        LocalizedText title = config.localized("title").orElse(LocalizedText.of("Help Center"));
        final String defaultTag = defaultLocale;
        locales.sort(Comparator.comparing((LocaleInfo l) -> !l.code().equals(defaultTag)));
        return new SiteConfig(SiteConfig.FILE_NAME, title,
                config.localized("description").orElse(LocalizedText.of("")),
                base.url(), base.path(), defaultLocale, locales, themeName(config), fallback, trusted,
                pinned, editUrl, params, document);
    }

    /** A theme is a folder in themes/: a path would read templates and copy assets from elsewhere on the disk. */
    private static String themeName(ConfigReader config) {
        String theme = config.string("theme", "default").strip();
        if (theme.isEmpty() || theme.contains("/") || theme.contains("\\") || theme.startsWith(".")) {
            config.error("theme", "theme '" + theme + "' must be the name of a folder in themes/, such as 'default'");
            return "default";
        }
        return theme;
    }

    private static List<ConfigReader> localeEntries(ConfigReader config) {
        Object raw = config.raw("locales");
        if (raw instanceof List<?> list && list.stream().allMatch(i -> i instanceof String)) {
            // The short form: locales: [en, zh-CN]
            List<ConfigReader> out = new ArrayList<>();
            for (Object code : list) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("code", code);
                out.add(ConfigReader.of(SiteConfig.FILE_NAME, new Yaml.Document(one, Map.of("code",
                        config.line("locales"))), config.problems(), config.line("locales")));
            }
            return out;
        }
        return config.children("locales");
    }

    private static SiteConfig inferred(Path root, Map<String, String> folders, List<Problem> problems) {
        List<LocaleInfo> locales = new ArrayList<>(inferLocales(folders));
        if (locales.isEmpty()) {
            problems.add(Problem.error(null, 0, "no locale folders in " + root
                    + ": put the Markdown in a folder per language (en/, zh-CN/, ...) or add a pharos.yml"));
            locales.add(new LocaleInfo("en", "en", "English", false, null));
        }
        String defaultLocale = pickDefault(locales);
        locales.sort(Comparator.comparing((LocaleInfo l) -> !l.code().equals(defaultLocale)));
        return new SiteConfig(null, LocalizedText.of("Help Center"), LocalizedText.of(""), "", "/", defaultLocale, locales,
                "default", SiteConfig.Fallback.NOTICE, false, List.of(), "", Map.of(), new Yaml.Document(null, Map.of()));
    }

    private static List<LocaleInfo> inferLocales(Map<String, String> folders) {
        return folders.entrySet().stream()
                .map(e -> new LocaleInfo(e.getKey(), e.getValue(), LocaleInfo.nativeLabel(e.getKey()),
                        LocaleInfo.isRightToLeft(e.getKey()), null))
                .toList();
    }

    private static String pickDefault(List<LocaleInfo> locales) {
        return locales.stream().map(LocaleInfo::code).filter(c -> c.equals("en")).findFirst()
                .or(() -> locales.stream().map(LocaleInfo::code).filter(c -> c.startsWith("en")).findFirst())
                .orElse(locales.get(0).code());
    }

    /** Top-level folders whose names are language codes: canonical tag to folder name, sorted. */
    static Map<String, String> localeFolders(Path root, List<Problem> problems) {
        Map<String, String> found = new java.util.TreeMap<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .filter(name -> !name.startsWith(".") && !RESERVED_FOLDERS.contains(name.toLowerCase(Locale.ROOT)))
                    .forEach(name -> Locales.canonical(name).ifPresent(tag -> {
                        if (found.containsKey(tag)) {
                            problems.add(Problem.error(name + "/", 0, "folders '" + found.get(tag) + "' and '" + name
                                    + "' are the same locale; merge them"));
                        } else {
                            found.put(tag, name);
                        }
                    }));
        } catch (IOException e) {
            problems.add(Problem.error(null, 0, "cannot list " + root + ": " + e.getMessage()));
        }
        return found;
    }
}
