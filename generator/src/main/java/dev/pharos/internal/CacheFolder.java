package dev.pharos.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * One kind of entry of the build cache ({@code --cache}): files named by the hash of what they were made from, in
 * {@code <cache>/<kind>/xx/<hash>.smile}. A build asks for the entries it needs; those it did not ask for are removed
 * at its end, so the folder holds one build's worth. Every failure is quiet: the cache only saves work, and an entry
 * that cannot be read or written is made again. Thread-safe.
 */
public final class CacheFolder {

    private static volatile String generator;

    private final Path folder;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    public CacheFolder(Path cache, String kind) {
        this.folder = cache.resolve(kind);
    }

    /** The entry under {@code key}, or null. */
    public byte[] read(String key) {
        used.add(key);
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps an entry; written whole or not at all (a killed build leaves no torn entry under its name). */
    public void write(String key, byte[] bytes) {
        used.add(key);
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".", ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: the next build makes the entry again.
        }
    }

    /** Removes the entries this build did not ask for (deleted pages, old versions of edited ones). */
    public void removeUnused() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".smile") || !used.contains(name.substring(0, name.length() - 6))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Best effort, as above.
        }
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".smile");
    }

    /** A new hash of text, for keys. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a text to a key's hash, ended so that ("ab", "c") and ("a", "bc") differ. */
    public static void add(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** The key a hash makes. */
    public static String key(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * This Pharos: the CRC of its jar, or of the classes and resources of a build folder (tests). A new Pharos may
     * make the same input into other output, so it starts a new cache.
     */
    public static String generator() {
        String known = generator;
        if (known != null) {
            return known;
        }
        String id;
        try {
            Path code = Path.of(CacheFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            CRC32 crc = new CRC32();
            if (Files.isRegularFile(code)) {
                crc.update(Files.readAllBytes(code));
            } else {
                try (Stream<Path> files = Files.walk(code)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        crc.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        crc.update(Files.readAllBytes(f));
                    }
                }
            }
            id = Long.toHexString(crc.getValue());
        } catch (IOException | RuntimeException | URISyntaxException e) {
            id = "unknown-" + System.nanoTime(); // never matches: no reuse when Pharos cannot tell what it is
        }
        generator = id;
        return id;
    }
}
