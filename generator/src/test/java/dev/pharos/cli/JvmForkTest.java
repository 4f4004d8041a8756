package dev.pharos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a plain {@code java -jar} forks a JVM set up for builds, and with what. */
class JvmForkTest {

    private static final String JAVA = "/opt/jdk/bin/java";
    private static final String JAR = "/home/writer/pharos.jar";

    private static List<String> fork(List<String> jvmOptions, Map<String, String> env, String... args) {
        return JvmFork.command(args, jvmOptions, env, JAVA, JAR, 2, List.of()).orElse(null);
    }

    @Test
    void aPlainJavaJarBuildRunsInAJvmSetUpForBuildsWithTheUsersOptionsLast() {
        List<String> command = fork(List.of("-Xmx3g", "-Dfile.encoding=UTF-8"), Map.of(),
                "build", "--source", "content");
        assertThat(command).containsExactly(JAVA, "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.3",
                "-Xss16m", "-XX:InitialRAMPercentage=6", "-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0",
                "-Xmx3g", "-Dfile.encoding=UTF-8", "-Dpharos.forked=true", "-cp", JAR, "dev.pharos.cli.PharosCommand",
                "build", "--source", "content");
        assertThat(fork(List.of(), Map.of(), "serve")).isNotNull();
        assertThat(fork(List.of(), Map.of(), "check", "--source", "x")).isNotNull();
    }

    @Test
    void noForkWhenTheJvmIsAlreadyChosenOrTheCommandIsQuick() {
        assertThat(fork(List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=a.jsa"), Map.of(), "build"))
                .as("the launcher").isNull();
        assertThat(fork(List.of("-XX:TieredStopAtLevel=4"), Map.of(), "build")).as("a user's choice").isNull();
        assertThat(fork(List.of("-Dpharos.forked=true"), Map.of(), "build")).as("the fork itself").isNull();
        assertThat(fork(List.of(), Map.of("PHAROS_FORK", "off"), "build")).as("PHAROS_FORK=off").isNull();
        for (String agent : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-agentpath:/p/lib.so",
                "-javaagent:/j/jacoco.jar", "-Xrunjdwp:transport=dt_socket", "-Xdebug")) {
            assertThat(fork(List.of(agent), Map.of(), "build")).as(agent).isNull();
        }
        assertThat(fork(List.of(), Map.of(), "--version")).isNull();
        assertThat(fork(List.of(), Map.of(), "new", "article")).isNull();
        assertThat(fork(List.of(), Map.of())).isNull();
        assertThat(JvmFork.command(new String[] {"build"}, List.of(), Map.of(), null, JAR, 2, List.of()))
                .as("no java path").isEmpty();
    }

    /** The JVM refuses two collectors: a user's choice replaces the launcher's. */
    @Test
    void aCollectorTheUserChoseReplacesTheLaunchers() {
        List<String> command = fork(List.of("-XX:+UseG1GC"), Map.of(), "build");
        assertThat(command).contains("-XX:+UseG1GC", "-XX:TieredStopAtLevel=1")
                .doesNotContain("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0");
        assertThat(fork(List.of("-XX:+UseParallelGC"), Map.of(), "build")).doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void manyCoresKeepTheJvmsCollector() {
        assertThat(JvmFork.options(8)).doesNotContain("-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0")
                .contains("-XX:TieredStopAtLevel=1");
    }

    @TempDir
    Path dir;

    /**
     * The fork's class-data archive: made by the first build (written under a name of its own, put in place when the
     * fork ends), then mapped by every command; none when the user chose, with {@code PHAROS_CDS=off}, or without a
     * cache folder. Its options come after the launcher's and before the user's.
     */
    @Test
    void theFirstBuildMakesTheClassArchiveAndLaterCommandsMapIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("pharos.jar"), "a jar");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path folder = dir.resolve("cache").resolve("pharos");
        String[] build = {"build", "--source", "content"};
        assertThat(JvmFork.ClassData.of(new String[] {"check"}, List.of(), env, jar.toString()))
                .as("only a build makes the archive").isNull();

        JvmFork.ClassData first = JvmFork.ClassData.of(build, List.of(), env, jar.toString());
        assertThat(first.archive().getParent()).isEqualTo(folder);
        assertThat(first.archive().getFileName().toString()).matches("cds-jar-[0-9a-f]{16}\\.jsa");
        assertThat(first.options()).containsExactly("-XX:ArchiveClassesAtExit=" + first.partial(), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
        List<String> command = JvmFork.command(build, List.of("-Xmx3g"), env, JAVA, jar.toString(), 2, first.options())
                .orElseThrow();
        assertThat(command).containsSubsequence("-XX:MaxTenuringThreshold=0", "-XX:ArchiveClassesAtExit=" + first.partial(),
                "-Xlog:cds+dynamic=off", "-Xmx3g", "-Dpharos.forked=true");

        Files.writeString(first.partial(), "the archive the fork wrote at its exit");
        first.keep();
        assertThat(first.archive()).hasContent("the archive the fork wrote at its exit");
        assertThat(first.partial()).doesNotExist();
        JvmFork.ClassData later = JvmFork.ClassData.of(new String[] {"check"}, List.of(), env, jar.toString());
        assertThat(later.options()).containsExactly("-XX:SharedArchiveFile=" + first.archive(), "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

        // Another jar at the same place (same size, same time) gets an archive of its own.
        FileTime time = Files.getLastModifiedTime(jar);
        Files.writeString(jar, "b jar");
        Files.setLastModifiedTime(jar, time);
        assertThat(JvmFork.ClassData.of(build, List.of(), env, jar.toString()).archive()).isNotEqualTo(first.archive());

        assertThat(JvmFork.ClassData.of(build, List.of("-Xshare:off"), env, jar.toString())).as("user's choice").isNull();
        assertThat(JvmFork.ClassData.of(build, List.of("-XX:SharedArchiveFile=mine.jsa"), env, jar.toString())).isNull();
        assertThat(JvmFork.ClassData.of(build, List.of(), Map.of("XDG_CACHE_HOME", dir.toString(), "PHAROS_CDS", "off"),
                jar.toString())).isNull();
        assertThat(JvmFork.ClassData.of(build, List.of(), env, jar + java.io.File.pathSeparator + "other.jar"))
                .as("a class path of several entries").isNull();
    }

    /** A build that made no archive (killed, or a JVM that cannot) leaves none; the four archives used last stay. */
    @Test
    void onlyAnArchiveTheForkWroteIsKeptAndTheFourUsedLastStay() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pharos"));
        long now = System.currentTimeMillis();
        for (int i = 1; i <= 5; i++) {
            Path old = Files.writeString(folder.resolve("cds-" + i + ".jsa"), "an older archive");
            FileTime used = FileTime.fromMillis(now - (10 - i) * 3_600_000L);
            Files.getFileAttributeView(old, BasicFileAttributeView.class).setTimes(used, used, null);
        }
        Path stale = Files.writeString(folder.resolve("cds-jar-0.jsa.123.tmp"), "a killed build's");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(now - 7_200_000L));
        JvmFork.ClassData empty = new JvmFork.ClassData(folder.resolve("cds-jar-1.jsa"), folder.resolve("cds-jar-1.jsa.9.tmp"));
        Files.writeString(empty.partial(), "");
        empty.keep();
        assertThat(empty.archive()).doesNotExist();
        assertThat(empty.partial()).doesNotExist();

        JvmFork.ClassData made = new JvmFork.ClassData(folder.resolve("cds-jar-2.jsa"), folder.resolve("cds-jar-2.jsa.9.tmp"));
        Files.writeString(made.partial(), "made");
        made.keep();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cds-jar-2.jsa", "cds-5.jsa", "cds-4.jsa", "cds-3.jsa");
        }
    }

    /** The fork and the distribution's launcher give a build the same JVM (the launcher adds its class archive). */
    @Test
    void theOptionsAreTheLaunchers() throws Exception {
        String launcher = Files.readString(Path.of("src", "dist", "bin", "pharos"));
        List<String> always = new ArrayList<>();
        List<String> fewCores = new ArrayList<>();
        Matcher set = Pattern.compile("(?m)^opts=\"([^\"$]*)\"$").matcher(launcher);
        assertThat(set.find()).as("opts=\"...\" in bin/pharos").isTrue();
        always.addAll(List.of(set.group(1).split(" ")));
        Matcher added = Pattern.compile("(?m)^if \\[ \"\\$cores\" -le 4 \\]; then opts=\"\\$opts ([^\"]*)\"; fi$")
                .matcher(launcher);
        assertThat(added.find()).as("the few-cores line in bin/pharos").isTrue();
        fewCores.addAll(always);
        fewCores.addAll(List.of(added.group(1).split(" ")));
        assertThat(JvmFork.options(2)).isEqualTo(fewCores);
        assertThat(JvmFork.options(4)).isEqualTo(fewCores);
        assertThat(JvmFork.options(5)).isEqualTo(always);
    }
}
