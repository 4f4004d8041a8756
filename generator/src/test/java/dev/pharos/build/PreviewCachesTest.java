package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.Problem;
import dev.pharos.TestSites;
import dev.pharos.content.ContentLoader;
import dev.pharos.content.Site;
import dev.pharos.search.SearchStage;
import dev.pharos.support.SupportStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview keeps between rebuilds (files read, bodies processed, pages rendered, files written) changes
 * nothing a build reports or writes: the same warnings, once each, and the same site as a build from scratch, once
 * the search index it writes after the reload is there.
 */
class PreviewCachesTest {

    @TempDir
    Path dir;

    @Test
    void aKeptReadReportsItsFrontMatterProblemsOncePerLoadAndSeesEdits() throws Exception {
        TestSites site = TestSites.at(dir.resolve("content"))
                .page("en/a.md", "title: A\nweight: heavy", "Text.\n")
                .page("en/b.md", "title: B", "Text.\n");
        ContentLoader.ReadCache reads = new ContentLoader.ReadCache();
        ContentLoader.Options options = new ContentLoader.Options(false, TestSites.TODAY, Optional.empty(), reads);
        List<Problem> first = ContentLoader.load(site.root(), options).problems();
        List<Problem> second = ContentLoader.load(site.root(), options).problems();
        assertThat(first).anyMatch(p -> p.file().equals("en/a.md") && p.message().contains("weight"));
        assertThat(second).isEqualTo(first);

        Path b = site.root().resolve("en/b.md");
        FileTime before = Files.getLastModifiedTime(b);
        Files.writeString(b, "---\ntitle: B, renamed\n---\nText.\n");
        Files.setLastModifiedTime(b, FileTime.fromMillis(before.toMillis() + 2000));
        Site again = ContentLoader.load(site.root(), options);
        assertThat(again.page("en", "b")).map(dev.pharos.content.Page::title).hasValue("B, renamed");
        assertThat(again.problems()).isEqualTo(first);
    }

    @Test
    void rebuildsWithEveryCacheGiveTheWarningsAndFilesOfABuildFromScratch() throws Exception {
        TestSites content = TestSites.at(dir.resolve("content"))
                .file("pharos.yml", "locales: [en, zh-CN]\n")
                .page("en/fees/withdrawal.md", "title: Withdrawal fees\ntags: [fees]", "## Network\n\nSee [nowhere](missing.md).\n")
                .page("en/fees/deposit.md", "title: Deposit fees\ntags: [fees]", "## Free\n\nDeposits are free. [Fees](withdrawal.md)\n")
                .page("zh-CN/fees/withdrawal.md", "title: 提币手续费", "## 网络\n\n文本。\n");
        Map<String, SiteBuilder.CachedBody> bodies = new ConcurrentHashMap<>();
        RenderCache renders = new RenderCache();
        SiteBuilder preview = new SiteBuilder(List.of(SupportStage::new, SearchStage::new), bodies, renders);
        Path previewSite = dir.resolve("preview");
        BuildOptions options = content.options(previewSite);
        BuildResult first = preview.build(options);
        assertThat(previewSite.resolve("_pharos/search/en/meta.json")).as("the index waits for the reload").doesNotExist();
        preview.runDeferred();
        assertThat(previewSite.resolve("_pharos/search/en/meta.json")).exists();
        assertThat(first.warnings()).anyMatch(p -> p.message().contains("missing.md"));

        Path deposit = content.root().resolve("en/fees/deposit.md");
        Files.writeString(deposit, Files.readString(deposit) + "\nA new sentence.\n");
        Files.setLastModifiedTime(deposit, FileTime.fromMillis(Files.getLastModifiedTime(deposit).toMillis() + 2000));
        BuildResult second = preview.build(options);
        preview.runDeferred();
        assertThat(second.warnings()).as("the kept body's warning is reported again, once").isEqualTo(first.warnings());

        Path scratch = dir.resolve("scratch");
        new SiteBuilder(List.of(SupportStage::new, SearchStage::new), null).build(content.options(scratch));
        assertThat(TestSites.tree(previewSite)).isEqualTo(TestSites.tree(scratch));
        assertThat(TestSites.read(previewSite.resolve("en/fees/deposit/index.html"))).contains("A new sentence.");
    }
}
