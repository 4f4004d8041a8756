package dev.pharos.maven;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.report.SearchReport;
import java.io.File;
import java.util.Arrays;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What readers searched for and did not find: {@code mvn pharos:report-searches -Dlog=search.jsonl,access.log}
 * writes {@code target/search-report/report.html} and {@code report.json}, with synonym suggestions for this
 * content root.
 */
@Mojo(name = "report-searches", threadSafe = true, requiresProject = true)
public class ReportSearchesMojo extends AbstractMojo {

    /** The content root, for synonym suggestions. */
    @Parameter(property = "pharos.source", defaultValue = "${project.basedir}")
    File source;

    /** The log files, comma-separated: the search beacon's JSON lines or nginx/Apache access logs. */
    @Parameter(property = "log", required = true)
    File[] logs;

    /** The folder for the report. */
    @Parameter(property = "pharos.reportOut", defaultValue = "${project.build.directory}/search-report")
    File out;

    @Override
    public void execute() throws MojoFailureException {
        try {
            SearchReport.Result result = Pharos.reportSearches(SearchReport.Options.of(
                    Arrays.stream(logs).map(File::toPath).toList(), out.toPath()).withSource(source.toPath()));
            MavenProblems.log(getLog(), result.warnings());
            getLog().info("Search report: " + result.html());
        } catch (PharosException e) {
            MavenProblems.log(getLog(), e.problems());
            throw new MojoFailureException(e.getMessage());
        }
    }
}
