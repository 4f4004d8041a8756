package dev.pharos.maven;

import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.author.NewArticle;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates an article with its front matter:
 * {@code mvn pharos:new-article -Dsection=account -Dtitle="Reset your password"}.
 */
@Mojo(name = "new-article", threadSafe = true, requiresProject = true)
public class NewArticleMojo extends AbstractMojo {

    @Parameter(property = "pharos.source", defaultValue = "${project.basedir}")
    File source;

    /** The section folder under the locale, such as {@code account}. */
    @Parameter(property = "section", required = true)
    String section;

    @Parameter(property = "title", required = true)
    String title;

    /** The file name without {@code .md}; made from the title when empty. */
    @Parameter(property = "slug")
    String slug;

    /** The locale; the site's default when empty. */
    @Parameter(property = "locale")
    String locale;

    /** A FAQ page. */
    @Parameter(property = "faq", defaultValue = "false")
    boolean faq;

    /** Create the section folder when it does not exist. */
    @Parameter(property = "newSection", defaultValue = "false")
    boolean newSection;

    @Override
    public void execute() throws MojoFailureException {
        try {
            Path file = Pharos.newArticle(NewArticle.Options.of(source.toPath(), section, title).withSlug(slug)
                    .withLocale(locale).withFaq(faq).withCreateSection(newSection));
            getLog().info("Created " + source.toPath().relativize(file));
        } catch (PharosException e) {
            MavenProblems.log(getLog(), e.problems());
            throw new MojoFailureException(e.getMessage());
        }
    }
}
