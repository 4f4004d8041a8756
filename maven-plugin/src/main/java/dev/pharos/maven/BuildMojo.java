package dev.pharos.maven;

import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.build.BuildReport;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the help center: {@code mvn site-build} in a project that loads Pharos as an extension, or
 * {@code mvn pharos:build}. The site goes to {@code target/site} and the report to {@code target/pharos-report.json}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, requiresProject = true)
public class BuildMojo extends AbstractMojo {

    /** The content root: {@code pharos.yml} and a folder per locale. */
    @Parameter(property = "pharos.source", defaultValue = "${project.basedir}")
    File source;

    /** Where the site is written; replaced as a whole only when the build succeeds. */
    @Parameter(property = "pharos.output", defaultValue = "${project.build.directory}/site")
    File output;

    /** The JSON build report tools and CI read. */
    @Parameter(property = "pharos.report", defaultValue = "${project.build.directory}/pharos-report.json")
    File report;

    /** Include drafts and future-dated pages. */
    @Parameter(property = "pharos.drafts", defaultValue = "false")
    boolean drafts;

    /** Publish at this URL instead of pharos.yml's baseUrl. */
    @Parameter(property = "pharos.baseUrl")
    String baseUrl;

    @Parameter(property = "pharos.skip", defaultValue = "false")
    boolean skip;

    /** Processed pages kept between builds, so a build redoes only what changed; {@code mvn clean} empties it. */
    @Parameter(property = "pharos.cache", defaultValue = "${project.build.directory}/pharos-cache")
    File cache;

    @Parameter(property = "pharos.noCache", defaultValue = "false")
    boolean noCache;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping the Pharos build (pharos.skip)");
            return;
        }
        BuildOptions options = BuildOptions.of(source.toPath(), output.toPath())
                .withReport(report.toPath()).withDrafts(drafts).withBaseUrl(baseUrl)
                .withCache(noCache || cache == null ? null : cache.toPath());
        try {
            BuildResult result = Pharos.build(options);
            MavenProblems.log(getLog(), result.warnings());
            getLog().info(String.format("Built %d pages into %s in %.1f s (report: %s)", result.pages().size(), output,
                    result.timings().get("total") / 1000.0, report));
        } catch (PharosException e) {
            MavenProblems.log(getLog(), e.problems());
            try {
                BuildReport.writeFailure(report.toPath(), e.problems());
            } catch (PharosException ignored) {
                // The build already failed for a reason the writer sees.
            }
            throw new MojoFailureException(MavenProblems.summary(e.problems(), output));
        }
    }
}
