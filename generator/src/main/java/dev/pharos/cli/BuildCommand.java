package dev.pharos.cli;

import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.build.BuildReport;
import dev.pharos.build.SiteBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharos build}: content root in, static site out. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Builds the site into a folder.")
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", description = "The content root (pharos.yml and a folder per locale). Default: ${DEFAULT-VALUE}")
    Path source;

    @Option(names = "--out", description = "The site folder. Default: <source>/target/site")
    Path out;

    @Option(names = "--report", description = "Also write a JSON report (pages, warnings, timings) here.")
    Path report;

    @Option(names = "--drafts", description = "Include drafts and future-dated pages.")
    boolean drafts;

    @Option(names = "--base-url", description = "Publish at this URL instead of pharos.yml's baseUrl.")
    String baseUrl;

    @Option(names = "--cache", description = "Keep processed pages here between builds, so the next build redoes only "
            + "what changed. Default: <source>/target/pharos-cache when --out is not given, else none.")
    Path cache;

    @Option(names = "--no-cache", description = "Keep no processed pages between builds.")
    boolean noCache;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(spec.commandLine().getErr());
        Path output = out != null ? out : SiteBuilder.defaultOutput(source);
        // Beside the default output only: a site built elsewhere (--out) does not write into the content folder.
        Path keep = noCache ? null : cache != null ? cache : out == null ? SiteBuilder.defaultCache(source) : null;
        BuildOptions options = BuildOptions.of(source, output).withReport(report).withDrafts(drafts).withBaseUrl(baseUrl)
                .withCache(keep);
        try {
            BuildResult result = Pharos.build(options);
            reporter.print(result.warnings());
            long locales = result.pages().stream().map(BuildResult.PageSummary::locale).distinct().count();
            spec.commandLine().getOut().printf("Built %d pages in %d locales (%d files) into %s in %.1f s%s%n",
                    result.pages().size(), locales, result.files(), output, result.timings().get("total") / 1000.0,
                    result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warnings");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (PharosException e) {
            reporter.print(e.problems());
            long errors = e.problems().stream().filter(Problem::isError).count();
            spec.commandLine().getErr().println(reporter.paint("Build failed: " + errors + (errors == 1 ? " error" : " errors")
                    + "; " + output + " was not changed.", "31;1"));
            if (verbose && e.getCause() != null) {
                e.getCause().printStackTrace(spec.commandLine().getErr());
            }
            writeFailureReport(e.problems());
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            spec.commandLine().getErr().println("pharos: internal error: " + e
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(spec.commandLine().getErr());
            }
            return 70;
        }
    }

    private void writeFailureReport(List<Problem> problems) {
        if (report != null) {
            try {
                BuildReport.writeFailure(report, problems);
            } catch (PharosException ignored) {
                // The build already failed; its errors are printed.
            }
        }
    }
}
