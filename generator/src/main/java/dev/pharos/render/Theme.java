package dev.pharos.render;

import dev.pharos.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A theme as layers of folders, first match wins: the writer's {@code themes/<name>/}, then their
 * {@code themes/default/}, then the default theme inside Pharos. A writer overrides one template, asset or UI string
 * by putting a file at the same path in their {@code themes/} folder; everything else comes from the layers below.
 *
 * <p>Layout of a layer: {@code templates/*.peb} (Pebble), {@code assets/**} (copied to
 * {@code /_pharos/<fingerprint>/}), {@code i18n/<locale>.yml} (UI strings).
 */
public final class Theme {

    /** Where the built-in theme lives on the class path. */
    static final String BUILT_IN = "/pharos/themes/default/";

    private static FileSystem jarFileSystem;

    private final String name;
    private final List<Path> layers;
    private final Map<String, Path> assets;
    private final String fingerprint;

    private Theme(String name, List<Path> layers) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.assets = collectAssets(layers);
        this.fingerprint = fingerprint(assets);
    }

    /**
     * The theme {@code name} for a content root.
     *
     * @param problems receives an error when a non-default theme has no folder
     */
    public static Theme load(Path contentRoot, String name, List<Problem> problems) {
        List<Path> layers = new ArrayList<>();
        Path own = contentRoot.resolve("themes").resolve(name);
        if (Files.isDirectory(own)) {
            layers.add(own);
        } else if (!name.equals("default")) {
            problems.add(Problem.error("pharos.yml", 0, "theme '" + name + "' not found: create themes/" + name
                    + "/ or use 'theme: default'"));
        }
        Path ownDefault = contentRoot.resolve("themes").resolve("default");
        if (!name.equals("default") && Files.isDirectory(ownDefault)) {
            layers.add(ownDefault);
        }
        layers.add(builtIn());
        return new Theme(name, layers);
    }

    /** The default theme inside the Pharos jar (or {@code target/classes} when run from a build). */
    public static synchronized Path builtIn() {
        URL url = Theme.class.getResource(BUILT_IN);
        if (url == null) {
            throw new IllegalStateException("the default theme is missing from the class path (" + BUILT_IN + ")");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                if (jarFileSystem == null) {
                    try {
                        jarFileSystem = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException e) {
                        jarFileSystem = FileSystems.getFileSystem(uri);
                    }
                }
                return jarFileSystem.getPath(BUILT_IN);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the default theme at " + url, e);
        }
    }

    public String name() {
        return name;
    }

    /** The folders searched, first wins; the dev server watches the writer's ones. */
    public List<Path> layers() {
        return layers;
    }

    /** A theme file by its path inside the theme ({@code templates/article.peb}), from the first layer having it. */
    public Optional<Path> find(String relative) {
        for (Path layer : layers) {
            Path candidate = layer.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every file under {@code i18n/} for a locale, lowest layer first, so later ones override keys. */
    List<Path> stringFiles(String locale) {
        List<Path> out = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Path file = layers.get(i).resolve("i18n").resolve(locale + ".yml");
            if (Files.isRegularFile(file)) {
                out.add(file);
            }
        }
        return out;
    }

    /** Every asset by its path under {@code assets/} ({@code css/site.css}), merged over the layers, sorted. */
    public Map<String, Path> assets() {
        return assets;
    }

    /** A short hash of every asset: part of asset URLs, so browsers may cache them for ever. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The site path of an asset: {@code /_pharos/<fingerprint>/css/site.css}, without the base path. */
    public String assetPath(String relative) {
        return "_pharos/" + fingerprint + "/" + relative;
    }

    private static Map<String, Path> collectAssets(List<Path> layers) {
        Map<String, Path> out = new TreeMap<>();
        for (Path layer : layers) {
            Path dir = layer.resolve("assets");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    String rel = dir.relativize(f).toString().replace('\\', '/');
                    out.putIfAbsent(rel, f);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String fingerprint(Map<String, Path> assets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> e : assets.entrySet()) {
                digest.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(e.getValue()));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
