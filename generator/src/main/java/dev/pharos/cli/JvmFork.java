package dev.pharos.cli;

import com.dynatrace.hash4j.hashing.HashStream128;
import dev.pharos.internal.CacheFolder;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a build in a JVM set up for builds when someone starts Pharos with a plain {@code java -jar pharos.jar}.
 *
 * <p>The JVM's defaults suit a long-running server: the optimising compiler and G1. A build is over before the
 * optimising compiler pays for itself, so {@code java -jar pharos.jar build} took twice as long as the same jar
 * started by the distribution's launcher ({@code bin/pharos}, which sets the options below). A jar cannot choose
 * its own JVM options, so {@code main} starts a second JVM with them for the commands that do real work, passes
 * on the user's own JVM options after them (so that the user's win), waits, and exits with its exit code.
 *
 * <p>No fork when the JVM already runs with a compiler choice ({@code -XX:TieredStopAtLevel}: the launcher, or a
 * user who chose), with an agent (a debugger, profiler or coverage tool watches this JVM, and a second one would
 * ask for the same debug port), when {@code PHAROS_FORK=off}, or inside the forked JVM. The options are the
 * launcher's ({@code JvmForkTest} checks that they stay the launcher's), less its collector when the user chose
 * one: the JVM refuses two.
 *
 * <p>Like the launcher, the fork maps a class-data archive ({@link ClassData}) that its first build makes, so that
 * its classes are not loaded and checked again on every build.
 */
final class JvmFork {

    /** The commands a fork pays for: each reads a whole site. */
    static final Set<String> COMMANDS = Set.of("build", "check", "serve", "publish", "import");

    /** The launcher's collector options on a small machine, left out when the user chose a collector. */
    private static final List<String> COLLECTOR = List.of("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0");

    /** Set in the forked JVM, so that it never forks again. */
    private static final String FORKED_PROPERTY = "pharos.forked";
    static final String FORKED = "-D" + FORKED_PROPERTY + "=true";

    private JvmFork() {
    }

    /** The launcher's JVM options for a machine with {@code cores} processors (bin/pharos sets the same). */
    static List<String> options(int cores) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.3",
                "-Xss16m", "-XX:InitialRAMPercentage=6"));
        if (cores <= 4) {
            options.addAll(COLLECTOR);
        }
        return options;
    }

    /**
     * Whether {@code args} should run in a JVM set up for builds rather than in this one.
     *
     * @param jvmOptions this JVM's own options, as it was started
     */
    static boolean forks(String[] args, List<String> jvmOptions, Map<String, String> env, String java,
            String classPath) {
        boolean chosen = jvmOptions.stream().anyMatch(o -> o.equals(FORKED) || o.startsWith("-XX:TieredStopAtLevel")
                || o.startsWith("-agentlib") || o.startsWith("-agentpath") || o.startsWith("-javaagent")
                || o.startsWith("-Xrun") || o.equals("-Xdebug"));
        return !chosen && !"off".equals(env.get("PHAROS_FORK")) && args.length > 0 && COMMANDS.contains(args[0])
                && java != null && classPath != null && !classPath.isEmpty();
    }

    /**
     * The command that runs {@code args} in a JVM set up for builds, or empty when this JVM should run them itself
     * ({@link #forks}).
     *
     * @param jvmOptions this JVM's own options, as it was started
     * @param classData  the options of the fork's class-data archive ({@link ClassData#options}), put before the
     *                   user's
     */
    static Optional<List<String>> command(String[] args, List<String> jvmOptions, Map<String, String> env,
            String java, String classPath, int cores, List<String> classData) {
        if (!forks(args, jvmOptions, env, java, classPath)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        boolean collectorChosen = jvmOptions.stream().anyMatch(o -> o.matches("-XX:\\+Use\\w*GC"));
        for (String option : options(cores)) {
            if (!collectorChosen || !COLLECTOR.contains(option)) {
                command.add(option);
            }
        }
        command.addAll(classData);
        command.addAll(jvmOptions);
        command.add(FORKED);
        command.addAll(List.of("-cp", classPath, PharosCommand.class.getName()));
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * In the forked JVM: stops at once, as a killed build does, when the JVM that started it is gone. Killed with
     * SIGKILL, that JVM cannot stop its fork, which would otherwise go on building, unseen, into the same folder.
     */
    static void stopWithParent() {
        if (Boolean.getBoolean(FORKED_PROPERTY)) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                    .thenRun(() -> Runtime.getRuntime().halt(137)));
        }
    }

    /**
     * Runs {@code args} in a forked JVM when {@link #forks} says so, and returns its exit code; empty when this
     * JVM should run them, or when the fork could not start (then this JVM runs them, as before).
     */
    static Optional<Integer> run(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Map<String, String> env = System.getenv();
        String classPath = System.getProperty("java.class.path");
        String java = ProcessHandle.current().info().command().orElse(null);
        if (!forks(args, jvmOptions, env, java, classPath)) {
            return Optional.empty(); // before the archive's key, which reads the whole jar
        }
        ClassData classData = ClassData.of(args, jvmOptions, env, classPath);
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> command = command(args, jvmOptions, env, java, classPath, cores,
                classData == null ? List.of() : classData.options()).orElseThrow();
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Stopped from outside (a CI timeout, kill): stop the build too rather than leave it building unseen. Its
        // staging folder is removed by the next build into the same place, as after any killed build.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int exit = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            if (classData != null) {
                classData.keep();
            }
            return Optional.of(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /**
     * The fork's class-data archive, in the launcher's folder ({@code $XDG_CACHE_HOME/pharos}, else
     * {@code ~/.cache/pharos}): mapped when it exists, else made by this build (a build loads what every later
     * command needs) under a name of its own, and put in place when the fork ends, so that two first builds at once
     * cannot mix their archives. Its name holds what the JVM checks an archive against (the JVM, the jar's place,
     * size and time) and the jar's content, which a jar copied over an older one with the same size and time would
     * otherwise share. The four archives used last stay, the launcher's among them; older ones are removed.
     *
     * @param archive the archive
     * @param partial where this build writes it, or null when it maps {@code archive}
     */
    record ClassData(Path archive, Path partial) {

        private static final int KEPT = 4;

        /** The archive for this JVM and jar, or null: none wanted, the user chose, or no cache folder. */
        static ClassData of(String[] args, List<String> jvmOptions, Map<String, String> env, String classPath) {
            boolean chosen = jvmOptions.stream().anyMatch(o -> o.startsWith("-Xshare")
                    || o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit")
                    || o.contains("DumpLoadedClassList"));
            Path folder = folder(env);
            if (chosen || "off".equals(env.get("PHAROS_CDS")) || folder == null || classPath == null
                    || classPath.contains(File.pathSeparator)) {
                return null;
            }
            try {
                Path jar = Path.of(classPath).toRealPath();
                Path java = Path.of(System.getProperty("java.home")).toRealPath();
                HashStream128 hash = CacheFolder.hash();
                for (String part : List.of(java.toString(), System.getProperty("java.vm.version", ""), jar.toString(),
                        Long.toString(Files.size(jar)), Long.toString(Files.getLastModifiedTime(jar).toMillis()),
                        Long.toHexString(CacheFolder.crc(jar)))) {
                    CacheFolder.add(hash, part);
                }
                Path archive = folder.resolve("cds-jar-" + CacheFolder.key(hash).substring(0, 16)
                        + ".jsa");
                if (Files.isRegularFile(archive)) {
                    return new ClassData(archive, null);
                }
                if (args.length == 0 || !args[0].equals("build")) {
                    return null;
                }
                Files.createDirectories(folder);
                return new ClassData(archive, folder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid()
                        + ".tmp"));
            } catch (IOException | RuntimeException e) {
                return null; // without an archive: slower to start, nothing else
            }
        }

        private static Path folder(Map<String, String> env) {
            String cache = env.get("XDG_CACHE_HOME");
            if (cache != null && !cache.isEmpty()) {
                return Path.of(cache, "pharos");
            }
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "pharos");
        }

        /** The fork's options: map the archive, or make it at exit; quiet either way (a build log is the writer's). */
        List<String> options() {
            return partial == null
                    ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                            "-Xlog:cds+dynamic=off")
                    : List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }

        /**
         * After the fork: an archive it made takes its place; archives not used lately, and the partial ones of
         * killed builds, go.
         */
        void keep() {
            try {
                if (partial != null) {
                    if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
                        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                    Files.deleteIfExists(partial); // an empty one: this JVM could not make an archive
                }
                prune(archive.getParent());
            } catch (IOException | RuntimeException e) {
                // Best effort: the next build makes the archive again.
            }
        }

        /** Keeps the {@value #KEPT} archives used last (by access time, which mapping updates), and no old partials. */
        static void prune(Path folder) throws IOException {
            List<Path> archives = new ArrayList<>();
            long hourAgo = System.currentTimeMillis() - 3_600_000L;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith("cds-") && name.endsWith(".jsa")) {
                        archives.add(file);
                    } else if (name.startsWith("cds-") && name.endsWith(".tmp")
                            && Files.getLastModifiedTime(file).toMillis() < hourAgo) {
                        Files.deleteIfExists(file); // a killed build's
                    }
                }
            }
            archives.sort(Comparator.comparing((Path p) -> lastUsed(p)).reversed().thenComparing(Path::toString));
            for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        }

        private static FileTime lastUsed(Path file) {
            try {
                return Files.readAttributes(file, BasicFileAttributes.class).lastAccessTime();
            } catch (IOException e) {
                return FileTime.fromMillis(0);
            }
        }
    }
}
