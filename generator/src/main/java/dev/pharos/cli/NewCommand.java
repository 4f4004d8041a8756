package dev.pharos.cli;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.author.NewArticle;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharos new article}: a new Markdown file with its front matter filled in. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Creates content from a template.",
        subcommands = NewCommand.Article.class)
final class NewCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "article", mixinStandardHelpOptions = true,
            description = "Creates <locale>/<section>/<slug>.md with front matter (a draft until you remove 'draft: true').")
    static final class Article implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--source", defaultValue = ".", description = "The content root. Default: ${DEFAULT-VALUE}")
        Path source;

        @Option(names = "--section", required = true, description = "The section folder, such as account or deposits-withdrawals/crypto.")
        String section;

        @Option(names = "--title", required = true, description = "The article's title.")
        String title;

        @Option(names = "--slug", description = "The file name without .md. Default: made from the title.")
        String slug;

        @Option(names = "--locale", description = "The locale. Default: the site's default locale.")
        String locale;

        @Option(names = "--faq", description = "A FAQ page: one '## question' heading per question.")
        boolean faq;

        @Option(names = "--new-section", description = "Create the section folder if it does not exist.")
        boolean newSection;

        @Override
        public Integer call() {
            try {
                Path file = Pharos.newArticle(NewArticle.Options.of(source, section, title).withSlug(slug)
                        .withLocale(locale).withFaq(faq).withCreateSection(newSection));
                spec.commandLine().getOut().println("Created " + file);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (PharosException e) {
                new Reporter(spec.commandLine().getErr()).print(e.problems());
                return 1;
            }
        }
    }
}
