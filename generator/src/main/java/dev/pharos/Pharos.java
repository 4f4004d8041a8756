package dev.pharos;

import dev.pharos.build.BuildStage;
import dev.pharos.build.SiteBuilder;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.Site;
import dev.pharos.search.SearchStage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pharos turns a folder of Markdown help articles into a multilingual static help center with a prebuilt search
 * index. This class is the whole public API; the command line and the Maven plugin are thin layers over it.
 *
 * <pre>{@code
 * BuildResult result = Pharos.build(BuildOptions.of(Path.of("content"), Path.of("content/target/site")));
 * result.warnings().forEach(System.err::println);
 * }</pre>
 *
 * <p>A build either succeeds and replaces the output folder as a whole, or throws {@link PharosException} listing
 * every error as {@code file:line: message} and leaves the previous output untouched.
 */
public final class Pharos {

    private Pharos() {
    }

    /** Loads a content root without building it: the config, every page, and the problems found. */
    public static Site load(Path source) {
        return ContentLoader.load(source, new ContentLoader.Options(false, LocalDate.now(ZoneOffset.UTC)));
    }

    /** Builds a site. */
    public static BuildResult build(BuildOptions options) throws PharosException {
        return new SiteBuilder(defaultStages(), null).build(options);
    }

    /** The stages after page rendering, in order. */
    static List<Supplier<BuildStage>> defaultStages() {
        return List.of(SearchStage::new);
    }
}
