package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.PharosException;
import dev.pharos.TestSites;
import dev.pharos.search.SearchStage;
import dev.pharos.support.SupportStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's patch ({@link SiteBuilder#build(BuildOptions, java.util.Collection)}): after each kind of save, on a
 * copy of the sample help center, the preview's site folder is the same bytes as a build from scratch of the same
 * files, with the same warnings; and a save that changes what other pages show of a page (a title, an excerpt, a new
 * file) is built whole rather than patched.
 */
class PreviewPatchTest {

    private static final List<Supplier<BuildStage>> STAGES = List.of(SupportStage::new, SearchStage::new);

    @TempDir
    Path dir;

    private Path content;
    private Path site;
    private SiteBuilder preview;
    private BuildOptions options;

    @BeforeEach
    void start() throws Exception {
        content = TestSites.copy(TestSites.sampleContent(), dir.resolve("content"));
        // A page without a description: lists show its excerpt, the first words of its body.
        Files.writeString(content.resolve("en/trading/no-description.md"), "---\ntitle: Limits per order\n---\n"
                + "Every order has a smallest and a largest amount, shown in the order form.\n\n## Why\n\nMarkets differ.\n");
        site = dir.resolve("preview");
        options = TestSites.at(content).options(site).withDrafts(true).withBaseUrl("/");
        preview = new SiteBuilder(STAGES, new ConcurrentHashMap<>(), new RenderCache());
        preview.build(options, null);
        preview.runDeferred();
    }

    @Test
    void aBodyEditIsPatchedAndGivesTheSiteOfABuildFromScratch() throws Exception {
        String page = "en/account/reset-password.md";
        BuildResult result = save(page, text(page) + "\nA sentence added at the end.\n");
        assertPatched(1);
        assertSameAsScratch(result);
        assertThat(TestSites.read(site.resolve("en/account/reset-password/index.html"))).contains("A sentence added at the end.");
        assertThat(TestSites.read(site.resolve("en/account/reset-password/index.md"))).contains("A sentence added at the end.");
        assertThat(TestSites.read(site.resolve("en/llms-full.txt"))).contains("A sentence added at the end.");
    }

    @Test
    void theSearchIndexWrittenAfterTheReloadIsAsReadableAsThePages() throws Exception {
        var pagePermissions = Files.getPosixFilePermissions(site.resolve("en/account/reset-password/index.html"));
        try (var files = Files.walk(site.resolve("_pharos/search"))) {
            List<Path> index = files.filter(Files::isRegularFile).toList();
            assertThat(index).isNotEmpty().allSatisfy(file ->
                    assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(pagePermissions));
        }
    }

    @Test
    void aPageShownAsAnotherLocalesFallbackIsPatchedInBoth() throws Exception {
        String page = "en/api/websocket-streams.md";
        assertThat(content.resolve("zh-CN/api/websocket-streams.md")).doesNotExist();
        savePatched(page, text(page).replace("## ", "## Heartbeats\n\nSend a ping every 20 seconds.\n\n## "), 1,
                "zh-CN/api/websocket-streams/index.html", "Send a ping every 20 seconds.");
    }

    @Test
    void editsToAnnouncementsAndErrorCodeHeadingsRewriteTheFeedAndTheCodeLinks() throws Exception {
        String announcement = "en/announcements/2026-11-03-scheduled-maintenance.md";
        savePatched(announcement, text(announcement).replace("We are upgrading",
                "Update: the upgrade is finished early. We are upgrading"), 1,
                "en/announcements/atom.xml", "the upgrade is finished early");

        String faq = "en/deposits-withdrawals/faq.md";
        savePatched(faq, text(faq).replace("## Why is my withdrawal limit lower than I expected?",
                "## Why is my daily withdrawal limit lower than I expected?"), 2,
                "_pharos/codes.json", "Why is my daily withdrawal limit");
    }

    @Test
    void aNewBrokenLinkWarnsOnceAndRemovingItClearsTheWarning() throws Exception {
        String page = "en/security/enable-2fa.md";
        String original = text(page);
        BuildResult broken = save(page, original + "\nSee [the old guide](no-such-page.md).\n");
        assertPatched(1);
        assertThat(broken.warnings()).anyMatch(p -> p.file().equals(page) && p.message().contains("no-such-page.md"));
        assertSameAsScratch(broken);

        BuildResult fixed = save(page, original);
        assertPatched(2);
        assertThat(fixed.warnings()).noneMatch(p -> p.message().contains("no-such-page.md"));
        assertSameAsScratch(fixed);
    }

    @Test
    void editsOthersPagesShowAreBuiltWhole() throws Exception {
        // A title shows in every listing of the page.
        String titled = "en/trading/order-types.md";
        assertSameAsScratch(save(titled, text(titled).replaceFirst("title: .*", "title: Kinds of orders")));
        // Without a description, listings show the excerpt: a new first sentence changes them.
        String plain = "en/trading/no-description.md";
        assertSameAsScratch(save(plain, text(plain).replace("Every order", "Each order")));
        // A later paragraph leaves the excerpt alone: patched.
        assertSameAsScratch(save(plain, text(plain) + "\nAsk support to raise yours.\n"));
        assertPatched(1);
        // A new page and a deleted one change lists, the sitemap and links.
        Files.writeString(content.resolve("en/trading/new-page.md"), "---\ntitle: Brand new\ndescription: New.\n---\nNew.\n");
        assertSameAsScratch(rebuild("en/trading/new-page.md"));
        Files.delete(content.resolve("en/trading/new-page.md"));
        assertSameAsScratch(rebuild("en/trading/new-page.md"));
        assertPatched(1);
    }

    @Test
    void aFailedSaveIsFollowedByAWholeBuildOfTheFixedFiles() throws Exception {
        String page = "en/account/close-account.md";
        String original = text(page);
        assertThatThrownBy(() -> save(page, original.replaceFirst("---\n", "---\nweight: heavy\n")))
                .isInstanceOf(PharosException.class);
        String other = "en/account/faq.md";
        // The next save names another file only; the first is still on disk as the failed save left it, now fixed.
        Files.writeString(content.resolve(page), original + "\nFixed after the error.\n");
        bump(content.resolve(page));
        BuildResult result = save(other, text(other) + "\nOne more answer.\n");
        assertSameAsScratch(result);
        assertThat(TestSites.read(site.resolve("en/account/close-account/index.html"))).contains("Fixed after the error.");
    }

    /** Saves, checks the save was the {@code patches}-th patch, that the site equals a build from scratch and shows it. */
    private void savePatched(String path, String text, int patches, String file, String shown) throws Exception {
        BuildResult result = save(path, text);
        assertPatched(patches);
        assertSameAsScratch(result);
        assertThat(TestSites.read(site.resolve(file))).contains(shown);
    }

    private BuildResult save(String path, String text) throws IOException, PharosException {
        Path file = content.resolve(path);
        Files.writeString(file, text);
        bump(file);
        return rebuild(path);
    }

    private BuildResult rebuild(String edited) throws PharosException {
        BuildResult result = preview.build(options, List.of(edited));
        preview.runDeferred(); // the search index and llms-full.txt, written after the reload
        return result;
    }

    /** The preview's read cache compares sizes and times: a save within the same clock tick must still count. */
    private static void bump(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    }

    private String text(String path) throws IOException {
        return Files.readString(content.resolve(path));
    }

    private void assertPatched(int times) {
        assertThat(preview.patches()).as("rebuilds that were patches").isEqualTo(times);
    }

    private void assertSameAsScratch(BuildResult previewResult) throws PharosException {
        Path scratch = dir.resolve("scratch-" + System.nanoTime());
        BuildResult fresh = new SiteBuilder(STAGES, null).build(TestSites.at(content).options(scratch).withDrafts(true)
                .withBaseUrl("/"));
        Map<String, String> expected = TestSites.tree(scratch);
        Map<String, String> actual = TestSites.tree(site);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(actual.get(file)).as(file).isEqualTo(expected.get(file));
        }
        assertThat(previewResult.warnings()).isEqualTo(fresh.warnings());
        assertThat(previewResult.pages()).isEqualTo(fresh.pages());
    }
}
