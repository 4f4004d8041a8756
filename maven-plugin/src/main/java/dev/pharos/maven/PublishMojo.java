package dev.pharos.maven;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.publish.Publisher;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the built site to a git branch, gh-pages style: {@code mvn site-publish -Dpharos.repository=URL}
 * (after {@code site-build} in the same lifecycle). For https URLs the token comes from {@code PHAROS_GIT_TOKEN}
 * or {@code GITHUB_TOKEN}.
 */
@Mojo(name = "publish", threadSafe = true, requiresProject = true)
public class PublishMojo extends AbstractMojo {

    @Parameter(property = "pharos.output", defaultValue = "${project.build.directory}/site")
    File site;

    /** Git URL or local path of the repository to push to. */
    @Parameter(property = "pharos.repository", required = true)
    String repository;

    @Parameter(property = "pharos.branch", defaultValue = "gh-pages")
    String branch;

    @Parameter(property = "pharos.message", defaultValue = "Publish ${project.artifactId} ${project.version}")
    String message;

    /** Replace the branch with a single commit (force push) instead of adding one. */
    @Parameter(property = "pharos.cleanHistory", defaultValue = "false")
    boolean cleanHistory;

    @Parameter(property = "pharos.skipPublish", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping publishing (pharos.skipPublish)");
            return;
        }
        String token = System.getenv().getOrDefault("PHAROS_GIT_TOKEN", System.getenv().getOrDefault("GITHUB_TOKEN", ""));
        try {
            Publisher.Result result = Pharos.publish(Publisher.Options.of(site.toPath(), repository).withBranch(branch)
                    .withMessage(message).withCleanHistory(cleanHistory).withToken(token));
            getLog().info(result.changed()
                    ? "Published " + result.files() + " files to " + branch + " of " + repository + " (" + result.commit() + ")"
                    : "Nothing to publish: " + branch + " already holds this site");
        } catch (PharosException e) {
            MavenProblems.log(getLog(), e.problems());
            throw new MojoFailureException(e.getMessage());
        }
    }
}
