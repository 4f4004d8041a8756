package dev.pharos.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches a content root (Markdown, images, {@code pharos.yml}, {@code themes/}) for changes, folder by folder
 * (WatchService is not recursive), and hands them out in batches: an editor's save is several events (a temporary
 * file, a rename, a modify) and one rebuild should follow, not three. The build output and hidden, editor-backup
 * and dependency folders are not watched.
 */
final class SiteWatcher implements AutoCloseable {

    /** Events closer together than this belong to one save. */
    static final long QUIET_MILLIS = 25;
    /** A stream of events (a git checkout) is cut into batches at least this often. */
    static final long MAX_BATCH_MILLIS = 400;

    /**
     * Changed files, relative to the root.
     *
     * @param markdownOnly true when only Markdown files changed: rendered pages of other files stay valid
     */
    record Batch(Set<String> files, boolean markdownOnly) {
    }

    /**
     * JDKs that poll instead of being told of changes (macOS before its native watch service) check every 10 s by
     * default; "high sensitivity" makes it 2 s. Other platforms ignore it; where it is unknown, none is used.
     */
    private static final WatchEvent.Modifier[] SENSITIVITY = sensitivity();

    private final Path root;
    private final Path output;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

    SiteWatcher(Path root, Path output) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.output = output.toAbsolutePath().normalize();
        this.service = this.root.getFileSystem().newWatchService();
        registerTree(this.root);
    }

    /** Blocks until something changed, then returns everything that changed within one quiet period. */
    Batch next() throws InterruptedException {
        while (true) {
            WatchKey first = service.take();
            Set<String> files = new TreeSet<>();
            boolean[] overflow = {false};
            drain(first, files, overflow);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_BATCH_MILLIS);
            WatchKey more;
            while (System.nanoTime() < deadline && (more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                drain(more, files, overflow);
            }
            files.removeIf(SiteWatcher::isEditorNoise);
            if (files.isEmpty() && !overflow[0]) {
                continue;
            }
            boolean markdownOnly = !overflow[0] && files.stream().allMatch(SiteWatcher::isContentMarkdown);
            return new Batch(files, markdownOnly);
        }
    }

    private void drain(WatchKey key, Set<String> files, boolean[] overflow) {
        Path dir = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                overflow[0] = true;
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            if (!isWatched(changed)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                // A new folder may already hold files (a copied section): watch it and count them as changed.
                registerTree(changed);
                try (var walk = Files.walk(changed)) {
                    walk.filter(Files::isRegularFile).forEach(f -> files.add(relative(f)));
                } catch (IOException | java.io.UncheckedIOException e) {
                    overflow[0] = true;
                }
            }
            files.add(relative(changed));
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private boolean isWatched(Path path) {
        if (path.startsWith(output)) {
            return false;
        }
        Path rel = root.relativize(path);
        for (int i = 0; i < rel.getNameCount(); i++) {
            String part = rel.getName(i).toString();
            if (part.startsWith(".") || part.equals("node_modules") || (i == 0 && part.equals("target"))) {
                return false;
            }
        }
        return true;
    }

    /** Swap, backup and lock files editors write beside the real one. */
    static boolean isEditorNoise(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".swx") || name.endsWith(".tmp") || name.contains("___jb_") || name.equals("4913");
    }

    private static boolean isContentMarkdown(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".md") || lower.endsWith(".markdown")) && !lower.startsWith("themes/");
    }

    private void registerTree(Path start) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && !isWatched(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.put(register(dir), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A folder removed while being registered: its parent's events still arrive.
        }
    }

    private WatchKey register(Path dir) throws IOException {
        WatchEvent.Kind<?>[] kinds = {ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE};
        try {
            return dir.register(service, kinds, SENSITIVITY);
        } catch (UnsupportedOperationException e) {
            return dir.register(service, kinds);
        }
    }

    private static WatchEvent.Modifier[] sensitivity() {
        try {
            Class<?> type = Class.forName("com.sun.nio.file.SensitivityWatchEventModifier");
            return new WatchEvent.Modifier[] {(WatchEvent.Modifier) type.getField("HIGH").get(null)};
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new WatchEvent.Modifier[0];
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
