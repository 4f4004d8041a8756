package dev.pharos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes small content roots for tests, and reads built sites back. */
public final class TestSites {

    /** A fixed "today" so tests about drafts, future dates and staleness do not depend on the calendar. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private final Path root;

    private TestSites(Path root) {
        this.root = root;
    }

    public static TestSites at(Path root) {
        return new TestSites(root);
    }

    public Path root() {
        return root;
    }

    public TestSites file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestSites bytes(String path, byte[] bytes) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Markdown page with front matter lines and a body. */
    public TestSites page(String path, String frontMatter, String body) {
        return file(path, "---\n" + frontMatter + (frontMatter.endsWith("\n") ? "" : "\n") + "---\n" + body);
    }

    public BuildOptions options(Path out) {
        return BuildOptions.of(root, out).withToday(TODAY);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of a built site with its bytes' SHA-256, for comparing two builds. */
    public static Map<String, String> digest(Path site) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                out.put(site.relativize(f).toString(), java.util.HexFormat.of().formatHex(hash));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Copies a folder: a content root without Maven's {@code target/} and {@code pom.xml}, or a built site. Tests
     * that change content work on such a copy, never on the repository's sample.
     */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target") || rel.toString().equals("pom.xml")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared corpora beside the repository ({@code ../shared/corpus}), as CI has them. */
    public static Path corpus(String name) {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("corpus").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = p.resolveSibling("shared").resolve("corpus").resolve(name);
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("shared/corpus/" + name + " not found beside the repository");
    }

    /** Every Markdown file of the named {@linkplain #corpus corpora}, in a stable order. */
    public static List<Path> markdownFiles(String... corpora) {
        List<Path> files = new ArrayList<>();
        for (String name : corpora) {
            try (Stream<Path> walk = Files.walk(corpus(name))) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The repository's sample help center. */
    public static Path sampleContent() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("content").resolve("pharos.yml"))) {
                return p.resolve("content");
            }
        }
        throw new IllegalStateException("content/pharos.yml not found");
    }

    /** Every file under a folder with its bytes (as ISO-8859-1 text), by relative path: two builds compare equal. */
    public static java.util.Map<String, String> tree(Path root) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(),
                        new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
