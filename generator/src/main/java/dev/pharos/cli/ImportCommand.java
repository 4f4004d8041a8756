package dev.pharos.cli;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.imports.ZendeskImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharos import zendesk}: a help center from another tool as a content folder. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports a help center from another tool.",
        subcommands = ImportCommand.Zendesk.class)
final class ImportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "zendesk", mixinStandardHelpOptions = true,
            description = {"Imports a Zendesk Guide help center: categories and sections as folders, articles as Markdown,"
                    + " the old URLs as aliases. Run it again to bring in Zendesk's changes; files edited here are kept.",
                    "Authentication: the environment variables ZENDESK_EMAIL and ZENDESK_API_TOKEN."})
    static final class Zendesk implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--subdomain", description = "The acme of https://acme.zendesk.com.")
        String subdomain;

        @Option(names = "--url", description = "The help center's base URL instead of https://<subdomain>.zendesk.com.")
        String url;

        @Option(names = "--from", description = "A folder of JSON saved from the API, read instead of the API.")
        Path from;

        @Option(names = "--to", defaultValue = ".", description = "The content root to write. Default: ${DEFAULT-VALUE}")
        Path to;

        @Option(names = "--locale-map", description = "Zendesk locales to Pharos locales, such as en-us=en,zh-cn=zh-CN.")
        String localeMap;

        @Option(names = "--overwrite", description = "Also replace files edited here since the last import.")
        boolean overwrite;

        @Override
        public Integer call() {
            Reporter reporter = new Reporter(spec.commandLine().getErr());
            try {
                ZendeskImport.Options options = ZendeskImport.Options.of(to).withSubdomain(subdomain).withUrl(url)
                        .withFrom(from).withLocaleMap(ZendeskImport.parseLocaleMap(localeMap)).withOverwrite(overwrite)
                        .withCredentialsFrom(System.getenv());
                ZendeskImport.Result result = Pharos.importZendesk(options);
                reporter.print(result.warnings());
                spec.commandLine().getOut().printf("Imported %d %s into %s: %d files new, %d updated, %d unchanged,"
                        + " %d kept (edited here)%s%n", result.articles(), result.articles() == 1 ? "article" : "articles", to, result.written().size(),
                        result.updated().size(), result.unchanged().size(), result.kept().size(),
                        result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warnings");
                spec.commandLine().getOut().flush();
                return 0;
            } catch (PharosException e) {
                reporter.print(e.problems());
                spec.commandLine().getErr().println(reporter.paint("Import failed.", "31;1"));
                return 1;
            }
        }
    }
}
