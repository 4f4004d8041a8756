package dev.pharos.cli;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.build.SiteBuilder;
import dev.pharos.publish.Publisher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharos publish}: push the built site to a git branch (gh-pages style). */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Pushes the built site to a branch of a git repository (gh-pages style).")
final class PublishCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", defaultValue = ".", description = "The content root. Default: ${DEFAULT-VALUE}")
    Path source;

    @Option(names = "--site", description = "The built site. Default: <source>/target/site")
    Path site;

    @Option(names = "--repository", required = true, description = "Git URL or path of the repository to push to.")
    String repository;

    @Option(names = "--branch", defaultValue = "gh-pages", description = "Default: ${DEFAULT-VALUE}")
    String branch;

    @Option(names = "--message", description = "The commit message.")
    String message;

    @Option(names = "--clean-history", description = "Replace the branch with a single commit (force push).")
    boolean cleanHistory;

    @Override
    public Integer call() {
        Path built = site != null ? site : SiteBuilder.defaultOutput(source);
        String token = System.getenv().getOrDefault("PHAROS_GIT_TOKEN", System.getenv().getOrDefault("GITHUB_TOKEN", ""));
        try {
            Publisher.Result result = Pharos.publish(Publisher.Options.of(built, repository).withBranch(branch)
                    .withMessage(message).withCleanHistory(cleanHistory).withToken(token));
            spec.commandLine().getOut().println(result.changed()
                    ? "Published " + result.files() + " files to " + branch + " (" + result.commit().substring(0, 12) + ")"
                    : "Nothing to publish: " + branch + " already holds this site");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (PharosException e) {
            new Reporter(spec.commandLine().getErr()).print(e.problems());
            return 1;
        }
    }
}
