package dev.pharos.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Whole folders on disk (the site's staging and old output, the publisher's work tree), and files replaced whole.
 */
public final class FileTrees {

    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong TEMPORARIES = new AtomicLong();

    private FileTrees() {
    }

    /** Makes a file's new content at a temporary path. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * Replaces {@code file} whole or not at all, as a new file: the content is made in a temporary file beside it
     * (a name of this process and call, so concurrent writers never share one), which is then renamed over it in one
     * step and never outlives a failure. Not {@link Files#createTempFile}: its files only their owner may read, and
     * these may end up in a site that a web server reads as another user.
     */
    public static void replace(Path file, Content content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "-" + PID + "-" + TEMPORARIES.incrementAndGet()
                + ".tmp");
        try {
            content.writeTo(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes a folder and everything in it; nothing happens when it does not exist. Links are not followed.
     *
     * <p>Subfolders are deleted in parallel: removing the previous output of a 10,000-page site is thousands of
     * unlink calls, and two threads finish them sooner than one (1.8 s against 3.0 s for the ×10 benchmark site's
     * output on two cores: {@code bench/build/DeleteTree.java}). Every entry is attempted; the first failure is
     * thrown after all are done.
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root); // a file, or a link: never what it points to
            return;
        }
        List<IOException> failures = Collections.synchronizedList(new ArrayList<>());
        deleteTree(root, failures);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void deleteTree(Path dir, List<IOException> failures) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.toList();
        } catch (IOException e) {
            failures.add(e);
            return;
        }
        entries.parallelStream().forEach(entry -> {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(entry, failures);
            } else {
                try {
                    Files.delete(entry);
                } catch (IOException e) {
                    failures.add(e);
                }
            }
        });
        try {
            Files.delete(dir);
        } catch (IOException e) {
            failures.add(e);
        }
    }
    /** Deletes every file under {@code root} but those in {@code keep}, then the folders left empty. */
    public static void deleteFilesExcept(Path root, java.util.Set<Path> keep) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.toList();
        }
        for (Path path : all) {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && !keep.contains(path)) {
                Files.delete(path);
            }
        }
        for (int i = all.size() - 1; i > 0; i--) { // children before their parents; the root stays
            Path path = all.get(i);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> left = Files.list(path)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }
}
