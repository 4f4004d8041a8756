package dev.pharos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** When a plain {@code java -jar} forks a JVM set up for builds, and with what. */
class JvmForkTest {

    private static final String JAVA = "/opt/jdk/bin/java";
    private static final String JAR = "/home/writer/pharos.jar";

    private static List<String> fork(List<String> jvmOptions, Map<String, String> env, String... args) {
        return JvmFork.command(args, jvmOptions, env, JAVA, JAR, 2).orElse(null);
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
        assertThat(JvmFork.command(new String[] {"build"}, List.of(), Map.of(), null, JAR, 2)).as("no java path").isEmpty();
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
