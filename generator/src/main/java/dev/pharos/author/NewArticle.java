package dev.pharos.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.Site;
import dev.pharos.internal.Slugs;
import dev.pharos.internal.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Creates a new article: {@code <locale>/<section>/<slug>.md} with front matter filled in (title, description to
 * write, today's dates, {@code draft: true} until it is ready), so writers never start from a blank file or
 * misspell a key.
 */
public final class NewArticle {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to create.
     *
     * @param source  the content root
     * @param section the section folder under the locale ({@code account} or {@code deposits-withdrawals/crypto});
     *                it must exist unless {@code createSection} is set, so a typo does not start a new section
     * @param title   the article's title
     * @param slug    the file name without {@code .md}; empty to make one from the title
     * @param locale  the locale code; empty for the site's default locale
     * @param faq     create a FAQ page ({@code type: faq}, one {@code ##} heading per question)
     * @param createSection create the section folder (with an {@code _index.md}) when it does not exist
     * @param today   the date written into the front matter
     */
    public record Options(Path source, String section, String title, String slug, String locale, boolean faq,
            boolean createSection, LocalDate today) {
        public Options {
            Objects.requireNonNull(source, "source");
            section = section == null ? "" : section.strip().replace('\\', '/').replaceAll("^/+|/+$", "");
            title = title == null ? "" : title.strip();
            slug = slug == null ? "" : slug.strip();
            locale = locale == null ? "" : locale.strip();
            Objects.requireNonNull(today, "today");
        }

        public static Options of(Path source, String section, String title) {
            return new Options(source, section, title, "", "", false, false, LocalDate.now(ZoneOffset.UTC));
        }

        public Options withSlug(String value) {
            return new Options(source, section, title, value, locale, faq, createSection, today);
        }

        public Options withLocale(String value) {
            return new Options(source, section, title, slug, value, faq, createSection, today);
        }

        public Options withFaq(boolean value) {
            return new Options(source, section, title, slug, locale, value, createSection, today);
        }

        public Options withCreateSection(boolean value) {
            return new Options(source, section, title, slug, locale, faq, value, today);
        }

        public Options withToday(LocalDate value) {
            return new Options(source, section, title, slug, locale, faq, createSection, value);
        }
    }

    private NewArticle() {
    }

    /** Writes the file and returns it; never overwrites. */
    public static Path create(Options options) throws PharosException {
        if (options.title().isEmpty()) {
            throw new PharosException(Problem.error(null, 0, "give the article a title, such as --title \"Reset your password\""));
        }
        Site site = ContentLoader.load(options.source(), new ContentLoader.Options(true, options.today()));
        LocaleInfo locale = options.locale().isEmpty() ? site.config().defaultLocaleInfo()
                : site.config().locale(options.locale()).orElseThrow(() -> new PharosException(Problem.error(null, 0,
                        "no locale '" + options.locale() + "'; the site has " + site.config().locales().stream()
                                .map(LocaleInfo::code).toList())));
        Path localeDir = options.source().resolve(locale.folder());
        String slug = options.slug().isEmpty() ? fileSlug(options.title()) : fileSlug(options.slug());
        Path sectionDir = options.section().isEmpty() ? localeDir : localeDir.resolve(options.section()).normalize();
        if (!sectionDir.startsWith(localeDir)) {
            throw new PharosException(Problem.error(null, 0, "section '" + options.section() + "' leaves the "
                    + locale.folder() + "/ folder"));
        }
        if (!Files.isDirectory(sectionDir)) {
            if (!options.createSection()) {
                Set<String> sections = sections(localeDir);
                throw new PharosException(Problem.error(null, 0, "no section '" + options.section() + "' in "
                        + locale.folder() + "/" + Suggestions.didYouMean(options.section(), sections)
                        + "; sections: " + String.join(", ", sections)
                        + ". To start a new section, add --new-section"));
            }
        }
        Path file = sectionDir.resolve(slug + ".md");
        try {
            Files.createDirectories(sectionDir);
            Path index = sectionDir.resolve("_index.md");
            if (options.createSection() && !options.section().isEmpty() && !Files.exists(index)) {
                String name = options.section().substring(options.section().lastIndexOf('/') + 1);
                Files.writeString(index, "---\ntitle: " + quote(Slugs.humanize(name)) + "\ndescription: \"\"\n---\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
            Files.writeString(file, text(options), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new PharosException(Problem.error(relative(options.source(), file), 0,
                    "already exists; choose another title or pass a --slug"));
        } catch (IOException e) {
            throw new PharosException(Problem.error(relative(options.source(), file), 0, "cannot create: " + e.getMessage()));
        }
        return file;
    }

    /** A file name from a title: lower case, words joined by hyphens, no punctuation; other scripts kept. */
    static String fileSlug(String title) {
        return Slugs.fileName(title, "article");
    }

    private static String text(Options options) {
        String date = options.today().toString();
        StringBuilder out = new StringBuilder();
        out.append("---\n");
        out.append("title: ").append(quote(options.title())).append('\n');
        out.append("description: \"\"  # one sentence for search results and link previews\n");
        if (options.faq()) {
            out.append("type: faq\n");
        }
        out.append("date: ").append(date).append('\n');
        out.append("lastmod: ").append(date).append('\n');
        out.append("reviewed: ").append(date).append('\n');
        out.append("tags: []\n");
        out.append("draft: true  # shown in the preview only; delete this line to publish\n");
        out.append("---\n\n");
        if (options.faq()) {
            out.append("## First question?\n\nThe answer, in a few sentences.\n\n## Second question?\n\nThe answer.\n");
        } else {
            out.append("Start with the answer in one or two sentences.\n\n## Steps\n\n1. First step.\n2. Second step.\n");
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar: JSON strings are valid YAML. */
    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> sections(Path localeDir) {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(localeDir)) {
            return out;
        }
        try (Stream<Path> dirs = Files.walk(localeDir)) {
            dirs.filter(Files::isDirectory).filter(d -> !d.equals(localeDir))
                    .map(d -> localeDir.relativize(d).toString().replace('\\', '/'))
                    .filter(d -> !d.startsWith(".") && !d.contains("/."))
                    .forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            // No suggestions, then.
        }
        return out;
    }

    private static String relative(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
