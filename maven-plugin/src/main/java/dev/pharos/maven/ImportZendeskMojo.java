package dev.pharos.maven;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.imports.ZendeskImport;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports a Zendesk Guide help center into the content folder: {@code mvn pharos:import-zendesk -Dsubdomain=acme}
 * (with {@code ZENDESK_EMAIL} and {@code ZENDESK_API_TOKEN} in the environment), or {@code -Dfrom=DIR} for JSON
 * saved earlier. Run it again to bring in Zendesk's changes; files edited here are kept unless {@code -Doverwrite}.
 */
@Mojo(name = "import-zendesk", threadSafe = true, requiresProject = true)
public class ImportZendeskMojo extends AbstractMojo {

    /** The content root to write into. */
    @Parameter(property = "pharos.source", defaultValue = "${project.basedir}")
    File source;

    /** The {@code acme} of {@code https://acme.zendesk.com}. */
    @Parameter(property = "subdomain")
    String subdomain;

    /** The help center's base URL instead of {@code https://<subdomain>.zendesk.com}. */
    @Parameter(property = "url")
    String url;

    /** A folder of JSON saved from the API, read instead of the API. */
    @Parameter(property = "from")
    File from;

    /** Zendesk locales to Pharos locales, such as {@code en-us=en,zh-cn=zh-CN}. */
    @Parameter(property = "localeMap")
    String localeMap;

    /** Also replace files edited here since the last import. */
    @Parameter(property = "overwrite", defaultValue = "false")
    boolean overwrite;

    @Override
    public void execute() throws MojoFailureException {
        try {
            ZendeskImport.Result result = Pharos.importZendesk(ZendeskImport.Options.of(source.toPath())
                    .withSubdomain(subdomain).withUrl(url).withFrom(from == null ? null : from.toPath())
                    .withLocaleMap(ZendeskImport.parseLocaleMap(localeMap)).withOverwrite(overwrite)
                    .withCredentialsFrom(System.getenv()));
            MavenProblems.log(getLog(), result.warnings());
            getLog().info("Imported " + result.articles() + (result.articles() == 1 ? " article: " : " articles: ") + result.written().size() + " files new, "
                    + result.updated().size() + " updated, " + result.unchanged().size() + " unchanged, "
                    + result.kept().size() + " kept (edited here)");
        } catch (PharosException e) {
            MavenProblems.log(getLog(), e.problems());
            throw new MojoFailureException(e.getMessage());
        }
    }
}
