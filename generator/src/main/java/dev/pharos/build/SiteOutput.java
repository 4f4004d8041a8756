package dev.pharos.build;

import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.internal.FileTrees;
import dev.pharos.internal.FolderExchange;
import dev.pharos.internal.MadeFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The site being written: files go to a hidden staging folder beside the target, and {@link #commit()} swaps it in
 * only when the whole build succeeded. A failed build leaves the previous site exactly as it was.
 *
 * <p>The dev server uses {@link #inPlace(Path)} instead: files are kept in memory until {@link #commit()}, which then
 * rewrites only the files whose bytes changed and deletes those the build no longer makes. Rebuilding a site of
 * hundreds of pages then costs a handful of file writes instead of recreating every folder (on a busy disk the
 * folder churn alone took most of a rebuild). A failed build still leaves the site untouched.
 *
 * <p>Thread-safe. Two writes to the same path are a build error (two pages claiming one URL), not a silent overwrite.
 *
 * <p><b>Killed at any moment</b> (SIGKILL, a power cut: no {@code finally} runs), the site folder is still a
 * whole site, the previous or the new one:
 * <ul>
 * <li>Until {@link #commit()}, the build writes only to its staging folder {@code .<site>.building-<pid>-<n>}.
 * <li>The swap exchanges the staging folder and the site in one system call ({@link FolderExchange}: Linux and
 * macOS), so the site's name always holds a whole site; the previous one, now under the staging name, is renamed
 * to {@code .<site>.old-<pid>-<n>} and deleted. Where the system has no exchange (Windows, some network file
 * systems) the swap is two renames, the site to its {@code .old-} name and then the staging folder to the site:
 * between them (two system calls, microseconds) the site folder does not exist, and the previous site is whole
 * under its {@code .old-} name.
 * <li>The next build or preview on the same folder starts by recovering ({@link #recover(Path)}), before anything
 * that can fail: if the site folder is missing and a dead process's {@code .old-} folder exists, it is renamed
 * back; then every {@code .building-} and {@code .old-} folder of a process that is no longer running is deleted. Folders of a running process (another
 * build into the same folder) are left alone: the process id in the name tells them apart.
 * <li>In place (the preview), each changed file is written to a hidden temporary file beside it and renamed over
 * the old one, so every file is whole, its old or its new bytes; new files are written before stale ones are
 * deleted, and the next commit removes any temporary file a kill left behind.
 * </ul>
 * {@code CrashSafetyTest} kills real builds, previews and publishes at random moments and checks the above.
 */
public final class SiteOutput implements AutoCloseable {

    private static final String BUILDING = ".building-";
    private static final String OLD = ".old-";
    /** The suffix of the in-place mode's temporary files, which a kill may leave and the next commit removes. */
    static final String TEMPORARY = ".pharos-tmp";
    private static final long PID = ProcessHandle.current().pid();

    private final Path target;
    private final Path staging;
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    /** In-place mode: what each path will hold, text, bytes or the file to copy. Null in the default mode. */
    private final Map<String, Object> pending;
    /** In-place mode: what each path held after the previous commit (the same kinds of value). */
    private final Map<String, Object> previous;
    private final java.util.Set<String> kept = ConcurrentHashMap.newKeySet();
    private final MadeFolders folders = new MadeFolders();
    /** In-place mode: this build writes only what an edit changed; every other file stays as the last commit left it. */
    private final boolean patching;
    private boolean committed;
    /** Whether {@link #link} still tries links. */
    private volatile boolean linking = true;

    public SiteOutput(Path target) throws PharosException {
        this(target, null, false);
    }

    /** A site output updated in place at commit, for the dev server's rebuilds (see the class comment). */
    public static SiteOutput inPlace(Path target) throws PharosException {
        return inPlace(target, new ConcurrentHashMap<>());
    }

    /**
     * As {@link #inPlace(Path)}, comparing with what the previous commit wrote, which {@code previous} holds and
     * is updated to: a file whose text is the one written last time is neither encoded, nor read, nor written.
     */
    public static SiteOutput inPlace(Path target, Map<String, Object> previous) throws PharosException {
        return new SiteOutput(target, Objects.requireNonNull(previous), false);
    }

    /**
     * As {@link #inPlace(Path, Map)}, for a build that writes only the files an edit changed: a file it does not write
     * keeps what the previous commit wrote, rather than being deleted as stale.
     */
    static SiteOutput patch(Path target, Map<String, Object> previous) throws PharosException {
        return new SiteOutput(target, Objects.requireNonNull(previous), true);
    }

    private SiteOutput(Path target, Map<String, Object> previous, boolean patching) throws PharosException {
        this.patching = patching;
        this.target = target.toAbsolutePath().normalize();
        recover(this.target);
        checkReplaceable(this.target);
        this.previous = previous;
        if (previous != null) {
            this.pending = new ConcurrentHashMap<>();
            this.staging = this.target;
            return;
        }
        this.pending = null;
        if (Files.exists(this.target)) {
            FolderExchange.prepare();
        }
        try {
            Files.createDirectories(this.target.getParent());
            this.staging = newFolder(this.target.getParent(), sidePrefix(this.target, BUILDING) + PID + "-");
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot create the output folder beside " + this.target + ": " + e.getMessage()));
        }
    }

    /** Writes a text file (UTF-8) at a site path such as {@code en/account/index.html}. */
    public void write(String path, String text, String owner) throws PharosException {
        if (pending != null) {
            resolve(path, owner);
            pending.put(normalize(path), text);
            return;
        }
        write(path, text.getBytes(StandardCharsets.UTF_8), owner);
    }

    public void write(String path, byte[] bytes, String owner) throws PharosException {
        put(path, owner, bytes, file -> Files.write(file, bytes));
    }

    /**
     * Writes a file whose bytes {@code source} holds, a build cache's entry that is never changed in place: as a hard
     * link to it, which writes no data (on a large site most of an edit build was writing pages the cache held), or,
     * where the file system has no links or {@code source} is on another one, as {@code bytes} (a copy of
     * {@code source} when null: a file too large to hold).
     */
    public void link(String path, Path source, byte[] bytes, String owner) throws PharosException {
        put(path, owner, bytes == null ? source : bytes, file -> {
            if (linking) {
                try {
                    Files.createLink(file, source);
                    return;
                } catch (IOException | UnsupportedOperationException e) {
                    linking = false; // the next files would fail alike: written from here on
                }
            }
            if (bytes == null) {
                Files.copy(source, file);
            } else {
                Files.write(file, bytes);
            }
        });
    }

    /** Makes one file of the staged site. */
    @FunctionalInterface
    private interface FileJob {
        void make(Path file) throws IOException;
    }

    /** Claims {@code path} and makes its file; in place, keeps {@code value} (bytes, or a file to copy) for the commit. */
    private void put(String path, String owner, Object value, FileJob job) throws PharosException {
        Path file = resolve(path, owner);
        if (pending != null) {
            pending.put(normalize(path), value);
            return;
        }
        try {
            folders.parentOf(file);
            job.make(file);
        } catch (IOException e) {
            throw new PharosException(Problem.error(owner, 0, "cannot write " + path + ": " + e.getMessage()));
        }
    }

    /** Makes a file by writing it as text. */
    @FunctionalInterface
    public interface TextJob {
        void writeTo(java.io.Writer out) throws IOException, PharosException;
    }

    /**
     * Writes a text file as {@code job} makes it, without holding it whole: {@code llms-full.txt} of a site of
     * 100,000 pages is larger than a heap. The preview, which compares what it writes, holds it.
     */
    public void write(String path, String owner, TextJob job) throws PharosException {
        if (pending != null) {
            java.io.StringWriter text = new java.io.StringWriter();
            try {
                job.writeTo(text);
            } catch (IOException e) {
                throw new PharosException(Problem.error(owner, 0, "cannot write " + path + ": " + e.getMessage()));
            }
            write(path, text.toString(), owner);
            return;
        }
        Path file = resolve(path, owner);
        try {
            folders.parentOf(file);
            try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                job.writeTo(out);
            }
        } catch (IOException e) {
            throw new PharosException(Problem.error(owner, 0, "cannot write " + path + ": " + e.getMessage()));
        }
    }

    /**
     * In place, after {@link #commit()}: writes a text file as {@code job} makes it into a hidden temporary file
     * beside it, then renames it over the old one, so a reader never gets half a file. For work the preview defers
     * until after the reload ({@code llms-full.txt}); a kill leaves only a temporary file the next commit removes.
     */
    public void replaceNow(String path, TextJob job) throws IOException, PharosException {
        replace(target.resolve(normalize(path)).normalize(), temporary -> {
            try (java.io.Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                job.writeTo(out);
            }
        });
    }

    /** Copies a file as it is (images, theme assets). */
    public void copy(Path source, String path, String owner) throws PharosException {
        Path file = resolve(path, owner);
        if (pending != null) {
            pending.put(normalize(path), source);
            return;
        }
        try {
            folders.parentOf(file);
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PharosException(Problem.error(owner, 0, "cannot copy to " + path + ": " + e.getMessage()));
        }
    }

    /**
     * In place: leaves the files under {@code prefix} (a folder such as {@code _pharos/search/}) as they are at
     * commit, for a stage that writes them itself after the commit. No effect on a staged build.
     */
    public void keep(String prefix) {
        kept.add(normalize(prefix));
    }

    public boolean contains(String path) {
        return owners.containsKey(normalize(path));
    }

    /** Every file written so far, sorted. */
    public Map<String, String> files() {
        return new TreeMap<>(owners);
    }

    /**
     * The staging folder, for stages that read back what was written. In place mode this is the site folder itself,
     * which holds this build's files only after {@link #commit()}.
     */
    public Path staging() {
        return staging;
    }

    private Path resolve(String path, String owner) throws PharosException {
        String normalized = normalize(path);
        Path file = staging.resolve(normalized).normalize();
        if (!file.startsWith(staging) || normalized.isEmpty()) {
            throw new PharosException(Problem.error(owner, 0, "output path '" + path + "' leaves the site folder"));
        }
        String previous = owners.putIfAbsent(normalized, owner == null ? "" : owner);
        if (previous != null) {
            throw new PharosException(Problem.error(owner, 0, "/" + normalized + " is written twice (also by "
                    + (previous.isEmpty() ? "Pharos" : previous) + "); two pages or aliases share a URL"));
        }
        return file;
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** Swaps the staging folder in for the target (in place: writes the changed files, deletes the stale ones). */
    public void commit() throws PharosException {
        if (pending != null) {
            commitInPlace();
            return;
        }
        try {
            if (Files.exists(target)) {
                Path old = Files.createTempDirectory(target.getParent(), sidePrefix(target, OLD) + PID + "-");
                Files.delete(old);
                if (FolderExchange.exchange(staging, target)) {
                    move(staging, old); // the previous site, now under the staging name
                } else {
                    move(target, old);
                    move(staging, target);
                }
                FileTrees.delete(old);
            } else {
                move(staging, target);
            }
            committed = true;
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot replace " + target + ": " + e.getMessage()));
        }
    }

    private void commitInPlace() throws PharosException {
        try {
            Files.createDirectories(target);
            boolean samePaths = patching || previous.keySet().equals(pending.keySet());
            for (Map.Entry<String, Object> e : new TreeMap<>(pending).entrySet()) {
                Path file = target.resolve(e.getKey());
                Object before = previous.get(e.getKey());
                if (before != null && unchanged(before, e.getValue())) {
                    continue;
                }
                if (e.getValue() instanceof String text) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    if (!sameBytes(file, bytes)) {
                        replace(file, bytes, null);
                    }
                } else if (e.getValue() instanceof byte[] bytes) {
                    if (!sameBytes(file, bytes)) {
                        replace(file, bytes, null);
                    }
                } else {
                    Path source = (Path) e.getValue();
                    if (!Files.isRegularFile(file) || Files.size(file) != Files.size(source) || Files.mismatch(file, source) >= 0) {
                        replace(file, null, source);
                    }
                }
            }
            if (!samePaths) {
                // Also on a preview's first commit, which removes the temporary files a killed preview left.
                removeStale(target);
            }
            if (!patching) {
                previous.clear();
            }
            previous.putAll(pending);
            committed = true;
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot update " + target + ": " + e.getMessage()));
        }
    }

    /** The same value as last commit: the very text a render cache handed back, equal bytes, the same source file. */
    private static boolean unchanged(Object before, Object now) {
        if (before == now) {
            return true;
        }
        if (before instanceof String a && now instanceof String b) {
            return a.equals(b);
        }
        if (before instanceof byte[] a && now instanceof byte[] b) {
            return java.util.Arrays.equals(a, b);
        }
        return before instanceof Path && before.equals(now);
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == bytes.length
                && java.util.Arrays.equals(Files.readAllBytes(file), bytes);
    }

    /**
     * Writes {@code bytes} (or a copy of {@code source}) to a hidden temporary file beside {@code file} and renames it
     * over {@code file}: a reader, or a kill, sees the old file or the new one, never a part.
     */
    private void replace(Path file, byte[] bytes, Path source) throws IOException, PharosException {
        replace(file, temporary -> {
            if (bytes != null) {
                Files.write(temporary, bytes);
            } else {
                Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    /** Writes a file's new content into a temporary file beside it, as {@code write} does. */
    @FunctionalInterface
    private interface TemporaryWrite {
        void to(Path temporary) throws IOException, PharosException;
    }

    private void replace(Path file, TemporaryWrite write) throws IOException, PharosException {
        folders.parentOf(file);
        Path temporary = file.resolveSibling("." + file.getFileName() + TEMPORARY);
        try {
            write.to(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes files this build did not write, and the folders left empty. */
    private void removeStale(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String relative = target.relativize(entry).toString().replace('\\', '/');
                if (kept.stream().anyMatch(k -> (relative + "/").startsWith(k))) {
                    continue;
                }
                if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    removeStale(entry);
                    try (Stream<Path> left = Files.list(entry)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(entry);
                        }
                    }
                } else if (!pending.containsKey(relative)) {
                    Files.delete(entry);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * A new folder named {@code prefix} and a number. Made by a plain mkdir, so it has the permissions any folder made
     * here has (the umask's), not the owner's alone as with {@link Files#createTempDirectory}: the staging folder
     * becomes the site, which a web server reads as another user, and which rsync copies with its permissions.
     */
    private static Path newFolder(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path folder = parent.resolve(prefix + (ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    private static String sidePrefix(Path target, String kind) {
        return "." + target.getFileName() + kind;
    }

    /**
     * What a killed build left beside {@code target} (see the class comment): puts the previous site back if the
     * kill came between the two renames of the swap, and deletes the staging and old folders of dead processes.
     */
    public static void recover(Path target) throws PharosException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> building = new ArrayList<>();
        List<Path> old = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(sidePrefix(target, BUILDING)) && !runningOwner(name, sidePrefix(target, BUILDING))) {
                    building.add(entry);
                } else if (name.startsWith(sidePrefix(target, OLD)) && !runningOwner(name, sidePrefix(target, OLD))) {
                    old.add(entry);
                }
            }
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !old.isEmpty()) {
                // One build at a time leaves an old site; should there be several, the newest is the previous site.
                old.sort(Comparator.comparing(SiteOutput::modified).reversed());
                move(old.remove(0), target);
            }
            for (Path leftover : building) {
                FileTrees.delete(leftover);
            }
            for (Path leftover : old) {
                FileTrees.delete(leftover);
            }
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot tidy what an interrupted build left beside " + target
                    + ": " + e.getMessage() + "; delete the hidden ." + target.getFileName() + ".* folders there"));
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Whether the process named in a side folder's name ({@code <prefix><pid>-<n>}) is this one or still running. */
    private static boolean runningOwner(String name, String prefix) {
        String rest = name.substring(prefix.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return false; // not ours to judge: an older version's name, without a process id
        }
        try {
            long pid = Long.parseLong(rest.substring(0, dash));
            return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Removes the staging folder unless committed; the target is untouched. */
    @Override
    public void close() {
        // In place mode the "staging" folder is the site itself, and nothing was written to it before commit.
        if (!committed && pending == null) {
            try {
                FileTrees.delete(staging);
            } catch (IOException e) {
                // Best effort: a stale hidden folder is harmless and replaced next time.
            }
        }
    }

    /** Refuses to replace a folder that holds something other than a Pharos site (a typo in --out must not cost data). */
    private static void checkReplaceable(Path target) throws PharosException {
        if (!Files.isDirectory(target)) {
            if (Files.exists(target)) {
                throw new PharosException(Problem.error(null, 0, "the output " + target + " is a file, not a folder"));
            }
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw new PharosException(Problem.error(null, 0, "cannot read the output folder " + target + ": " + e.getMessage()));
        }
        if (!Files.isDirectory(target.resolve("_pharos"))) {
            throw new PharosException(Problem.error(null, 0, "the output folder " + target
                    + " is not empty and is not a site Pharos built; choose an empty or new folder"));
        }
    }
}
