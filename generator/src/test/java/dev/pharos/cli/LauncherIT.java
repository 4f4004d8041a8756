package dev.pharos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher, {@code target/pharos/bin/pharos}, as a user runs it (after {@code package}): it
 * builds the same site as {@code java -jar}, makes its class-data archive on the first build and maps it on the
 * next ones, and says what is wrong when there is no Java.
 */
class LauncherIT {

    private static final Path DIST = Path.of("target", "pharos").toAbsolutePath();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("PHAROS_OPTS");
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<Path> archives() throws IOException {
        Path cache = dir.resolve("cache").resolve("pharos");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void buildsWhatJavaJarBuildsAndMapsItsClassArchiveFromTheSecondBuildOn() throws Exception {
        String launcher = DIST.resolve("bin").resolve("pharos").toString();
        assertThat(DIST.resolve("bin").resolve("pharos")).isExecutable();
        String content = TestSites.sampleContent().toString();

        Run version = run(Map.of(), launcher, "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).contains("pharos");
        assertThat(archives()).as("no archive from a command that is not a build").isEmpty();

        Run first = run(Map.of(), launcher, "build", "--source", content, "--out", dir.resolve("first").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Built ");
        List<Path> made = archives();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getFileName().toString()).matches("cds-\\d+\\.jsa");

        // -Xshare:on turns "could not map the archive" into an error instead of a silent fallback.
        Run second = run(Map.of("PHAROS_OPTS", "-Xshare:on"), launcher, "build", "--source", content,
                "--out", dir.resolve("second").toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(archives()).isEqualTo(made);

        Path jar = DIST.resolve("lib").resolve("pharos.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Run plain = run(Map.of(), java.toString(), "-jar", jar.toString(), "build", "--source", content,
                "--out", dir.resolve("plain").toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(TestSites.tree(dir.resolve("second"))).isEqualTo(TestSites.tree(dir.resolve("plain")));
        assertThat(TestSites.tree(dir.resolve("first"))).isEqualTo(TestSites.tree(dir.resolve("plain")));
    }

    /**
     * A plain {@code java -jar} build runs in a second JVM with the launcher's options and the user's own after them
     * (the report names the JVM options the build ran with); a failing build's exit code and messages come through;
     * {@code PHAROS_FORK=off} keeps the build in the first JVM.
     */
    @Test
    void aPlainJavaJarBuildRunsWithTheLaunchersOptions() throws Exception {
        String jar = DIST.resolve("lib").resolve("pharos.jar").toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String content = TestSites.sampleContent().toString();
        Path report = dir.resolve("report.json");
        Run forked = run(Map.of(), java, "-Xmx700m", "-jar", jar, "build", "--source", content,
                "--out", dir.resolve("forked").toString(), "--report", report.toString());
        assertThat(forked.exit()).as(forked.err()).isZero();
        assertThat(forked.out()).contains("Built ");
        List<String> options = new ArrayList<>();
        new ObjectMapper().readTree(report.toFile()).path("runtime").path("options").forEach(o -> options.add(o.asText()));
        assertThat(options).containsSubsequence(JvmFork.options(Runtime.getRuntime().availableProcessors()))
                .containsSubsequence("-XX:TieredStopAtLevel=1", "-Xmx700m", "-Dpharos.forked=true");

        Run inPlace = run(Map.of("PHAROS_FORK", "off"), java, "-jar", jar, "build", "--source", content,
                "--out", dir.resolve("in-place").toString(), "--report", report.toString());
        assertThat(inPlace.exit()).as(inPlace.err()).isZero();
        assertThat(new ObjectMapper().readTree(report.toFile()).path("runtime").path("options").toString())
                .doesNotContain("TieredStopAtLevel", "pharos.forked");
        assertThat(TestSites.tree(dir.resolve("forked"))).isEqualTo(TestSites.tree(dir.resolve("in-place")));

        Path broken = dir.resolve("broken");
        Files.createDirectories(broken.resolve("en"));
        Files.writeString(broken.resolve("pharos.yml"), "title: [unclosed\n");
        Run failed = run(Map.of(), java, "-jar", jar, "build", "--source", broken.toString(),
                "--out", dir.resolve("never").toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("pharos.yml").doesNotContain("Exception");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    /**
     * A plain {@code java -jar} build makes its fork's class-data archive, and the next build maps it: the fork runs
     * with it, and a JVM with the fork's options and {@code -Xshare:on} (an error when the archive cannot be mapped,
     * not a silent fallback) starts with it.
     */
    @Test
    void aPlainJavaJarBuildMakesTheForksClassArchiveAndTheNextBuildMapsIt() throws Exception {
        String jar = DIST.resolve("lib").resolve("pharos.jar").toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String content = TestSites.sampleContent().toString();
        Run first = run(Map.of(), java, "-jar", jar, "build", "--source", content, "--out", dir.resolve("first").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        List<Path> made = archives();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getFileName().toString()).matches("cds-jar-[0-9a-f]{16}\\.jsa");

        Path report = dir.resolve("report.json");
        Run second = run(Map.of(), java, "-jar", jar, "build", "--source", content, "--out", dir.resolve("second").toString(),
                "--report", report.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(archives()).isEqualTo(made);
        List<String> options = new ArrayList<>();
        new ObjectMapper().readTree(report.toFile()).path("runtime").path("options").forEach(o -> options.add(o.asText()));
        assertThat(options).contains("-XX:SharedArchiveFile=" + made.get(0));
        assertThat(TestSites.tree(dir.resolve("second"))).isEqualTo(TestSites.tree(dir.resolve("first")));

        List<String> mapping = new ArrayList<>(List.of(java));
        mapping.addAll(JvmFork.options(Runtime.getRuntime().availableProcessors()));
        mapping.addAll(List.of("-XX:SharedArchiveFile=" + made.get(0), "-Xshare:on", "-cp", jar,
                PharosCommand.class.getName(), "--version"));
        Run mapped = run(Map.of(), mapping.toArray(String[]::new));
        assertThat(mapped.exit()).as(mapped.err()).isZero();
        assertThat(mapped.out()).contains("pharos");
    }

    /** A {@code java -jar} build killed with SIGKILL stops building: its fork does not go on unseen. */
    @Test
    void killingAPlainJavaJarBuildStopsItsFork() throws Exception {
        String jar = DIST.resolve("lib").resolve("pharos.jar").toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("killed");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar, "build", "--source",
                TestSites.corpus("cloudwego").toString(), "--out", out.toString());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // a killed fork's partial archive
        Process build = builder.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        List<ProcessHandle> forks = List.of();
        for (int i = 0; i < 100 && forks.isEmpty(); i++) {
            Thread.sleep(50);
            forks = build.descendants().toList();
        }
        assertThat(forks).as("the fork").hasSize(1);
        Thread.sleep(500); // the fork is building
        build.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(forks.get(0).onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(out).as("a killed build publishes nothing").doesNotExist();
    }

    @Test
    void aNewArchiveLeavesOnlyTheFourArchivesUsedLast() throws Exception {
        Path cache = dir.resolve("cache").resolve("pharos");
        Files.createDirectories(cache);
        long now = System.currentTimeMillis();
        for (int i = 1; i <= 6; i++) { // archives of earlier Pharos versions, cds-6.jsa used last
            Path old = Files.writeString(cache.resolve("cds-" + i + ".jsa"), "an older archive");
            FileTime used = FileTime.fromMillis(now - (10 - i) * 3_600_000L);
            Files.getFileAttributeView(old, BasicFileAttributeView.class).setTimes(used, used, null);
        }
        Run build = run(Map.of(), DIST.resolve("bin").resolve("pharos").toString(), "build", "--source",
                TestSites.sampleContent().toString(), "--out", dir.resolve("site").toString());
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(archives().stream().map(p -> p.getFileName().toString()))
                .hasSize(4).contains("cds-6.jsa", "cds-5.jsa", "cds-4.jsa").doesNotContain("cds-1.jsa", "cds-2.jsa", "cds-3.jsa");
    }

    /**
     * The JVM maps an archive only for the jar path and modification time it was made with, and silently runs
     * without it otherwise: a second installation of the same jar, and a jar copied over after its archive was
     * made, each get an archive they can map.
     */
    @Test
    void anotherCopyOfTheSameJarAndAJarReplacedInPlaceEachGetAnArchiveTheyCanMap() throws Exception {
        String content = TestSites.sampleContent().toString();
        Run first = run(Map.of(), DIST.resolve("bin").resolve("pharos").toString(), "build", "--source", content,
                "--out", dir.resolve("first").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(archives()).hasSize(1);

        Path copy = dir.resolve("copy");
        for (String part : List.of("bin/pharos", "lib/pharos.jar")) {
            Files.createDirectories(copy.resolve(part).getParent());
            Files.copy(DIST.resolve(part), copy.resolve(part));
        }
        String launcher = copy.resolve("bin").resolve("pharos").toString();
        Run made = run(Map.of(), launcher, "build", "--source", content, "--out", dir.resolve("made").toString());
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(archives()).hasSize(2);
        Run mapped = run(Map.of("PHAROS_OPTS", "-Xshare:on"), launcher, "build", "--source", content,
                "--out", dir.resolve("mapped").toString());
        assertThat(mapped.exit()).as(mapped.err()).isZero();

        // The same jar copied over its older self: same content and place, a newer date than its archive.
        Path jar = copy.resolve("lib").resolve("pharos.jar");
        long now = System.currentTimeMillis();
        for (Path archive : archives()) {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 60_000));
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 30_000));
        Run again = run(Map.of(), launcher, "build", "--source", content, "--out", dir.resolve("again").toString());
        assertThat(again.exit()).as(again.err()).isZero();
        Run remapped = run(Map.of("PHAROS_OPTS", "-Xshare:on"), launcher, "build", "--source", content,
                "--out", dir.resolve("remapped").toString());
        assertThat(remapped.exit()).as(remapped.err()).isZero();
        assertThat(archives()).hasSize(2);
    }

    @Test
    void worksThroughASymlinkAndSaysWhenThereIsNoJava() throws Exception {
        Path link = dir.resolve("pharos");
        Files.createSymbolicLink(link, DIST.resolve("bin").resolve("pharos"));
        Run viaLink = run(Map.of("PHAROS_CDS", "off"), link.toString(), "--version");
        assertThat(viaLink.exit()).as(viaLink.err()).isZero();

        Run noJava = run(Map.of("JAVA_HOME", dir.resolve("no-such-jdk").toString()), link.toString(), "--version");
        assertThat(noJava.exit()).isEqualTo(1);
        assertThat(noJava.err()).contains("no Java found").doesNotContain("Exception");
    }
}
