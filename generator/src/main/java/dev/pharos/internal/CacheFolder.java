package dev.pharos.internal;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * One kind of entry of the build cache ({@code --cache}): files named by the hash of what they were made from, in
 * {@code <cache>/<kind>/xx/<hash>.entry}. A build asks for the entries it needs; those it did not ask for are removed
 * at its end, so the folder holds one build's worth. Every failure is quiet: the cache only saves work, and an entry
 * that cannot be read or written is made again. Thread-safe.
 */
public final class CacheFolder {

    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    private static final String ENTRY = ".entry";

    private static volatile String generator;

    private final Path folder;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final MadeFolders folders = new MadeFolders();

    public CacheFolder(Path cache, String kind) {
        this.folder = cache.resolve(kind);
    }

    /** The entry under {@code key}, or null. */
    public byte[] read(String key) {
        used.add(key);
        Path file = file(key);
        try {
            return Files.readAllBytes(file); // most entries asked for exist: no stat before the read
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Marks an entry as used by this build without reading it: {@link #removeUnused()} leaves it. */
    public void keep(String key) {
        used.add(key);
    }

    /**
     * Keeps an entry; written whole or not at all (a killed build leaves no torn entry under its name), and always
     * as a new file, never over an old one's bytes: a site may hold an entry as a hard link
     * ({@code SiteOutput#link}), which must keep what it held. Returns the entry's file, or null when it could not be
     * written.
     */
    public Path write(String key, byte[] bytes) {
        return place(key, temporary -> Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Keeps {@code file}, which nobody changes any more, as the entry under {@code key}: as a hard link to it where
     * the file system allows, else as a copy. Returns the entry's file, or null when it could not be kept.
     */
    public Path adopt(String key, Path file) {
        return place(key, temporary -> {
            try {
                Files.createLink(temporary, file);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, temporary);
            }
        });
    }

    private Path place(String key, FileTrees.Content content) {
        used.add(key);
        Path file = file(key);
        try {
            folders.parentOf(file);
            FileTrees.replace(file, content);
            return file;
        } catch (IOException | RuntimeException e) {
            return null; // best effort: the next build makes the entry again
        }
    }

    /** The file that holds (or would hold) the entry under {@code key}. */
    public Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ENTRY);
    }

    /** Removes the entries this build did not ask for (deleted pages, old versions of edited ones). */
    public void removeUnused() {
        // By name only: tens of thousands of entries, and asking the file system about each one (as Files.walk does,
        // twice with isRegularFile) cost more system time than reading them.
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(folder)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (!name.endsWith(ENTRY) || !used.contains(name.substring(0, name.length() - ENTRY.length()))) {
                            delete(file);
                        }
                    }
                } catch (NotDirectoryException e) {
                    delete(shard); // not the cache's: its entries are all in folders
                }
            }
        } catch (IOException | RuntimeException e) {
            // Best effort, as above; a missing folder has nothing to remove.
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A folder that is not the cache's, or a file another build holds: left, the rest is still cleaned.
        }
    }

    /**
     * A new hash for a key: XXH3 with 128 bits. Keys need no defence against a forger (whoever could forge one writes
     * the content anyway), only against chance, and 128 bits make a chance collision negligible; SHA-256 cost ten
     * times as much without the optimizing compiler's intrinsics, which the launcher leaves out.
     */
    public static HashStream128 hash() {
        return Hashing.xxh3_128().hashStream();
    }

    /**
     * Adds a text to a key's hash, with its length, so that ("ab", "c") and ("a", "bc") differ. As UTF-8 bytes:
     * hashing a whole array is three times as fast as char by char without the optimizing compiler, and encoding an
     * ASCII string is a copy.
     */
    public static void add(HashStream128 hash, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        hash.putInt(bytes.length);
        hash.putBytes(bytes);
    }

    /** The CRC-32 of an entry's bytes, which a reader checks against the one written with it. */
    public static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * The CRC-32 of a file's bytes, read through a buffer of this thread's: a jar or an image is never held whole for
     * it, and a build that checks every kept page (a cache restored with other times) allocates no buffer per page.
     */
    public static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = BUFFERS.get();
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }

    /** The key a hash makes. */
    public static String key(HashStream128 hash) {
        HashValue128 value = hash.get();
        return HexFormat.of().toHexDigits(value.getMostSignificantBits())
                + HexFormat.of().toHexDigits(value.getLeastSignificantBits());
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
