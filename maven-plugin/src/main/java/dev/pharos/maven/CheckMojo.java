package dev.pharos.maven;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.check.CheckOptions;
import dev.pharos.check.CheckReport;
import dev.pharos.check.CheckReports;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the help center before it merges: {@code mvn site-check} (or {@code mvn pharos:check}). Broken links and
 * anchors, missing images, URL clashes, orphan pages, front matter, translation coverage and stale articles. Writes
 * JUnit XML and JSON for CI and fails the build on errors.
 */
@Mojo(name = "check", threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {

    /** The content root. */
    @Parameter(property = "pharos.source", defaultValue = "${project.basedir}")
    File source;

    /** Stale articles are errors, not warnings. */
    @Parameter(property = "pharos.strict", defaultValue = "false")
    boolean strict;

    /** Also check drafts and future-dated pages. */
    @Parameter(property = "pharos.drafts", defaultValue = "false")
    boolean drafts;

    /** JUnit XML report, one test case per check and file (CI test-report viewers read it). */
    @Parameter(property = "pharos.junit", defaultValue = "${project.build.directory}/pharos-check/TEST-pharos-check.xml")
    File junit;

    /** The full report as JSON. */
    @Parameter(property = "pharos.checkReport", defaultValue = "${project.build.directory}/pharos-check/pharos-check.json")
    File json;

    /** Read last-change dates from git (translation coverage). */
    @Parameter(property = "pharos.git", defaultValue = "true")
    boolean git;

    @Parameter(property = "pharos.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping the Pharos checks (pharos.skip)");
            return;
        }
        CheckReport report = Pharos.check(CheckOptions.of(source.toPath()).withStrict(strict).withDrafts(drafts).withGit(git));
        MavenProblems.log(getLog(), report.problems());
        try {
            CheckReports.writeJUnit(junit.toPath(), report);
            CheckReports.writeJson(json.toPath(), report);
        } catch (PharosException e) {
            MavenProblems.log(getLog(), e.problems());
        }
        for (String line : CheckReports.translationTable(report)) {
            getLog().info(line);
        }
        String summary = String.format("Checked %d files: %d errors, %d warnings, %d stale (reports: %s, %s)",
                report.checked().getOrDefault("content", java.util.Set.of()).size(), report.errors(), report.warnings(),
                report.stale().size(), junit, json);
        if (report.failed()) {
            throw new MojoFailureException(summary + ":\n" + String.join("\n", report.problems().stream()
                    .filter(dev.pharos.Problem::isError).map(Object::toString).toList()));
        }
        getLog().info(summary);
    }
}
