package dev.pharos.cli;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.report.SearchReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharos report searches}: what readers searched for and did not find. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports on how readers use the help center.",
        subcommands = ReportCommand.Searches.class)
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "searches", mixinStandardHelpOptions = true,
            description = {"Reads search logs and writes report.html and report.json: per locale, the searches that found"
                    + " nothing, the searches whose results nobody opened, misses per day, and synonym lines that would"
                    + " have found something.",
                    "Logs: the JSON lines sent by search.analytics.endpoint, or nginx/Apache access logs of"
                    + " /<locale>/search/?q= requests (detected per line)."})
    static final class Searches implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--log", required = true, arity = "1..*", paramLabel = "FILE",
                description = "Log files: beacon JSON lines or access logs.")
        List<Path> logs;

        @Option(names = "--out", defaultValue = "search-report",
                description = "The folder for report.html and report.json. Default: ${DEFAULT-VALUE}")
        Path out;

        @Option(names = "--source", description = "The content root: suggests lines for synonyms/<locale>.txt, and"
                + " counts access-logged searches whose words the site never uses as misses.")
        Path source;

        @Override
        public Integer call() {
            Reporter reporter = new Reporter(spec.commandLine().getErr());
            try {
                SearchReport.Result result = Pharos.reportSearches(SearchReport.Options.of(logs, out).withSource(source));
                reporter.print(result.warnings());
                SearchReport.Report report = result.report();
                int searches = report.locales().stream().mapToInt(SearchReport.LocaleReport::searches).sum();
                int misses = report.locales().stream().mapToInt(SearchReport.LocaleReport::misses).sum();
                int suggestions = report.locales().stream()
                        .mapToInt(l -> l.suggestions() == null ? 0 : l.suggestions().size()).sum();
                spec.commandLine().getOut().printf("Read %d searches in %d locales (%d found nothing)%s%s; wrote %s and %s%n",
                        searches, report.locales().size(), misses,
                        report.badLines() == 0 ? "" : ", skipped " + report.badLines() + (report.badLines() == 1 ? " bad line" : " bad lines"),
                        source == null ? "" : ", " + suggestions + " synonym suggestions", result.html(), result.json());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (PharosException e) {
                reporter.print(e.problems());
                spec.commandLine().getErr().println(reporter.paint("Report failed.", "31;1"));
                return 1;
            }
        }
    }
}
