package dev.pharos.author;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.BuildOptions;
import dev.pharos.Pharos;
import dev.pharos.PharosException;
import dev.pharos.TestSites;
import dev.pharos.check.CheckOptions;
import dev.pharos.cli.PharosCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewArticleTest {

    private static final LocalDate TODAY = TestSites.TODAY;

    @TempDir
    Path root;

    @BeforeEach
    void site() throws Exception {
        Files.createDirectories(root.resolve("en/account"));
        Files.createDirectories(root.resolve("zh-CN/account"));
        Files.writeString(root.resolve("pharos.yml"), "locales: [en, zh-CN]\n");
        Files.writeString(root.resolve("en/account/_index.md"), "---\ntitle: Account\n---\n");
    }

    @Test
    void createsADraftWithFrontMatterThatBuildsAndPassesTheChecks() throws Exception {
        Path file = Pharos.newArticle(NewArticle.Options.of(root, "account", "Why is my withdrawal \"pending\"?")
                .withToday(TODAY));

        assertThat(file).isEqualTo(root.resolve("en/account/why-is-my-withdrawal-pending.md"));
        String text = Files.readString(file);
        assertThat(text).startsWith("---\ntitle: \"Why is my withdrawal \\\"pending\\\"?\"\n")
                .contains("\ndate: 2026-11-22\n", "\nlastmod: 2026-11-22\n", "\nreviewed: 2026-11-22\n", "\ndraft: true");
        // The front matter is valid for the schema, and the draft is published by a preview build only.
        assertThat(Pharos.check(CheckOptions.of(root).withGit(false).withToday(TODAY).withDrafts(true)).problems())
                .filteredOn(p -> file.endsWith(p.file() == null ? "-" : p.file())).isEmpty();
        var preview = Pharos.build(BuildOptions.of(root, root.resolve("target/site")).withDrafts(true).withToday(TODAY));
        assertThat(preview.pages()).anySatisfy(p -> {
            assertThat(p.url()).isEqualTo("/en/account/why-is-my-withdrawal-pending/");
            assertThat(p.title()).isEqualTo("Why is my withdrawal \"pending\"?");
            assertThat(p.draft()).isTrue();
        });
        var published = Pharos.build(BuildOptions.of(root, root.resolve("target/site")).withToday(TODAY));
        assertThat(published.pages()).noneMatch(p -> p.url().contains("pending"));
    }

    @Test
    void aMisspeltSectionIsAnErrorWithASuggestionUnlessANewSectionIsWanted() throws Exception {
        assertThatThrownBy(() -> Pharos.newArticle(NewArticle.Options.of(root, "acount", "Close your account")))
                .isInstanceOf(PharosException.class)
                .hasMessageContaining("no section 'acount' in en/ (did you mean 'account'?)")
                .hasMessageContaining("--new-section");

        Path file = Pharos.newArticle(NewArticle.Options.of(root, "trading/p2p", "Open a dispute").withFaq(true)
                .withCreateSection(true).withLocale("zh-CN").withSlug("open-dispute").withToday(TODAY));
        assertThat(file).isEqualTo(root.resolve("zh-CN/trading/p2p/open-dispute.md"));
        assertThat(Files.readString(file)).contains("type: faq").contains("## First question?");
        assertThat(Files.readString(root.resolve("zh-CN/trading/p2p/_index.md"))).contains("title: \"P2p\"");
    }

    @Test
    void neverOverwrites() throws Exception {
        Pharos.newArticle(NewArticle.Options.of(root, "account", "Reset").withToday(TODAY));
        Files.writeString(root.resolve("en/account/reset.md"), "my text");
        assertThatThrownBy(() -> Pharos.newArticle(NewArticle.Options.of(root, "account", "Reset").withToday(TODAY)))
                .hasMessageContaining("en/account/reset.md: error: already exists");
        assertThat(Files.readString(root.resolve("en/account/reset.md"))).isEqualTo("my text");
    }

    @Test
    void theCommandLine() {
        int ok = PharosCommand.run("new", "article", "--source", root.toString(), "--section", "account", "--title", "Change your email");
        assertThat(ok).isZero();
        assertThat(root.resolve("en/account/change-your-email.md")).exists();
        assertThat(PharosCommand.run("new", "article", "--source", root.toString(), "--section", "nope", "--title", "X")).isEqualTo(1);
        assertThat(PharosCommand.run("new", "article", "--source", root.toString(), "--title", "X")).isEqualTo(2);
    }

    @Test
    void slugsFromTitles() {
        assertThat(NewArticle.fileSlug("Fees (2026) & limits!")).isEqualTo("fees-2026-limits");
        assertThat(NewArticle.fileSlug("重置密码")).isEqualTo("重置密码");
        assertThat(NewArticle.fileSlug("???")).isEqualTo("u3f-u3f-u3f");
    }
}
