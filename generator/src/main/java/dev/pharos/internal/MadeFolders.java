package dev.pharos.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders one writer (a build's output, a cache) made or found. Most files go beside others, and
 * {@link Files#createDirectories} tries {@code mkdir} first and builds an exception when the folder exists: 18,000
 * times on a large site. Remembering the folders costs neither a system call nor an exception. Thread-safe.
 */
public final class MadeFolders {

    private final Set<Path> known = ConcurrentHashMap.newKeySet();

    /** Makes sure the folder {@code file} goes in exists. */
    public void parentOf(Path file) throws IOException {
        Path parent = file.getParent();
        if (!known.contains(parent)) {
            Files.createDirectories(parent);
            known.add(parent);
        }
    }
}
