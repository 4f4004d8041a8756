package dev.pharos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pharos} command line: {@code build}, {@code check}, {@code serve}, {@code new}, {@code import}, {@code report}. */
@Command(name = "pharos", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds a multilingual help center from Markdown.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, ImportCommand.class,
                ReportCommand.class,
                PublishCommand.class, CommandLine.HelpCommand.class})
public final class PharosCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // First, before picocli or Pharos loads: a plain java -jar runs a build in a JVM set up for builds.
        JvmFork.stopWithParent();
        java.util.Optional<Integer> forked = JvmFork.run(args);
        System.exit(forked.isPresent() ? forked.get() : run(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 the content has errors, 2 a usage mistake. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, printing to the given writers (tests, embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new PharosCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> internalError(commandLine, e, verbose(parseResult)));
        try {
            return cli.execute(args);
        } catch (StackOverflowError e) {
            // picocli passes errors through; a writer still gets one line, not a trace.
            return internalError(cli, e, java.util.Arrays.asList(args).contains("--verbose"));
        }
    }

    private static int internalError(CommandLine commandLine, Throwable e, boolean verbose) {
        commandLine.getErr().println("pharos: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return 70;
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return command.hasMatchedOption("--verbose");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
