package dev.pharos.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * launcher's without its class-data archive ({@code JvmForkTest} checks that they stay the launcher's), less its
 * collector when the user chose one: the JVM refuses two.
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
     * The command that runs {@code args} in a JVM set up for builds, or empty when this JVM should run them itself.
     *
     * @param jvmOptions this JVM's own options, as it was started
     */
    static Optional<List<String>> command(String[] args, List<String> jvmOptions, Map<String, String> env,
            String java, String classPath, int cores) {
        boolean chosen = jvmOptions.stream().anyMatch(o -> o.equals(FORKED) || o.startsWith("-XX:TieredStopAtLevel")
                || o.startsWith("-agentlib") || o.startsWith("-agentpath") || o.startsWith("-javaagent")
                || o.startsWith("-Xrun") || o.equals("-Xdebug"));
        if (chosen || "off".equals(env.get("PHAROS_FORK")) || args.length == 0 || !COMMANDS.contains(args[0])
                || java == null || classPath == null || classPath.isEmpty()) {
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
     * Runs {@code args} in a forked JVM when {@link #command} says so, and returns its exit code; empty when this
     * JVM should run them, or when the fork could not start (then this JVM runs them, as before).
     */
    static Optional<Integer> run(String[] args) {
        Optional<List<String>> command = command(args, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getenv(), ProcessHandle.current().info().command().orElse(null),
                System.getProperty("java.class.path"), Runtime.getRuntime().availableProcessors());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
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
            return Optional.of(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }
}
