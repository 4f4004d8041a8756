package dev.pharos.cli;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.check.CheckOptions;
import dev.pharos.check.CheckReport;
import dev.pharos.check.CheckReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharos check}: what would break or mislead readers, before it merges. Exit code 1 on errors. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks links, anchors, images, URLs, front matter, translations and freshness.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", description = "The content root. Default: ${DEFAULT-VALUE}")
    Path source;

    @Option(names = "--strict", description = "Stale articles are errors, not warnings.")
    boolean strict;

    @Option(names = "--drafts", description = "Also check drafts and future-dated pages.")
    boolean drafts;

    @Option(names = "--no-git", negatable = true, defaultValue = "true",
            description = "Read last-change dates from git history (default: on).")
    boolean git;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (one test per check and file).")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON.")
    Path json;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        CheckReport report = Pharos.check(CheckOptions.of(source).withStrict(strict).withDrafts(drafts).withGit(git));
        java.util.Map<dev.pharos.Problem, String> checks = new java.util.HashMap<>();
        report.findings().forEach(f -> checks.put(f.problem(), f.check()));
        reporter.printByFile(report.problems(), p -> " [" + checks.get(p) + "]");
        try {
            if (junit != null) {
                CheckReports.writeJUnit(junit, report);
            }
            if (json != null) {
                CheckReports.writeJson(json, report);
            }
        } catch (PharosException e) {
            reporter.print(e.problems());
            return 1;
        }
        if (!report.findings().isEmpty()) {
            spec.commandLine().getErr().println();
        }
        java.util.List<String> table = CheckReports.translationTable(report);
        if (!table.isEmpty()) {
            out.println("Translations (against " + report.translations().size() + " locale"
                    + (report.translations().size() == 1 ? "" : "s") + "):");
            table.forEach(line -> out.println("  " + line));
        }
        if (!report.stale().isEmpty()) {
            out.println(report.stale().size() + " stale article" + (report.stale().size() == 1 ? "" : "s")
                    + (strict ? "" : " (warnings; --strict makes them errors)"));
        }
        long files = report.checked().getOrDefault("content", java.util.Set.of()).size();
        String summary = "Checked " + files + " files: " + report.errors() + (report.errors() == 1 ? " error, " : " errors, ")
                + report.warnings() + (report.warnings() == 1 ? " warning" : " warnings");
        out.println(report.failed() ? reporter.paint(summary, "31;1") : summary);
        out.flush();
        return report.failed() ? 1 : 0;
    }
}
