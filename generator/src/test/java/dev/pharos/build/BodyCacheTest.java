package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.TestSites;
import dev.pharos.internal.FileTrees;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache CI keeps between runs: a cached build writes the very bytes and warnings of a build without it,
 * after edits, after an image changed in place, and over a damaged cache.
 */
class BodyCacheTest {

    @TempDir
    Path dir;

    private TestSites content;
    private Path cache;

    @BeforeEach
    void site() throws Exception {
        content = TestSites.at(dir.resolve("content"))
                .file("pharos.yml", "locales: [en, zh-CN]\n")
                .bytes("en/fees/chart.png", png(40, 20))
                .page("en/fees/withdrawal.md", "title: Withdrawal fees\ntags: [fees]",
                        "## Network\n\n![Chart](chart.png)\n\nSee [nowhere](missing.md) and [deposits](deposit.md#free).\n")
                .page("en/fees/deposit.md", "title: Deposit fees", "## Free\n\nDeposits are free.\n\n!!! warning\n    Check the network.\n")
                .page("en/fees/faq.md", "title: Fees FAQ\ntype: faq", "Intro.\n\n## Is it free?\n\nYes.\n\n## Why?\n\nBecause.\n")
                .page("zh-CN/fees/withdrawal.md", "title: 提币手续费", "## 网络\n\n文本。\n");
        cache = dir.resolve("cache");
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private BuildResult cached(String out) throws Exception {
        return Pharos.build(content.options(dir.resolve(out)).withCache(cache));
    }

    private Map<String, String> scratch(String out) throws Exception {
        Pharos.build(content.options(dir.resolve(out)));
        return TestSites.tree(dir.resolve(out));
    }

    @Test
    void aCachedBuildWritesWhatABuildWithoutItWrites() throws Exception {
        BuildResult first = cached("a");
        // A body per page with Markdown: the articles, and the Chinese pages that show an English text.
        assertThat(entries()).hasSize((int) first.pages().stream().filter(p -> p.source() != null).count()).hasSize(6);
        BuildResult second = cached("b");
        assertThat(second.warnings()).isEqualTo(first.warnings()).anyMatch(p -> p.message().contains("missing.md"));
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
    }

    @Test
    void anEditedPageIsProcessedAgainAndTheOldEntryRemoved() throws Exception {
        cached("a");
        List<Path> before = entries();
        // Leftovers of a killed build, and a file that is not the cache's, go with the unused entries.
        Path shard = before.get(0).getParent();
        Files.writeString(shard.resolve(".12345.tmp"), "half an entry");
        Files.writeString(cache.resolve("bodies").resolve("stray.txt"), "not an entry");
        Path deposit = content.root().resolve("en/fees/deposit.md");
        Files.writeString(deposit, Files.readString(deposit).replace("Deposits are free.", "Deposits cost nothing."));
        cached("b");
        assertThat(TestSites.read(dir.resolve("b/en/fees/deposit/index.html"))).contains("Deposits cost nothing.");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
        List<Path> after = entries();
        assertThat(after).hasSameSizeAs(before);
        assertThat(shard.resolve(".12345.tmp")).doesNotExist();
        assertThat(cache.resolve("bodies").resolve("stray.txt")).doesNotExist();
        // The edited page's body and its Chinese fallback's were made again; the others were read.
        assertThat(after.stream().filter(before::contains)).hasSize(before.size() - 2);
    }

    @Test
    void anImageChangedInPlaceMeasuresAgain() throws Exception {
        cached("a");
        assertThat(TestSites.read(dir.resolve("a/en/fees/withdrawal/index.html"))).contains("width=\"40\"");
        Files.write(content.root().resolve("en/fees/chart.png"), png(80, 30));
        cached("b");
        assertThat(TestSites.read(dir.resolve("b/en/fees/withdrawal/index.html"))).contains("width=\"80\"");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
    }

    @Test
    void aDamagedCacheIsReadAsMissingEntries() throws Exception {
        BuildResult first = cached("a");
        List<Path> all = new java.util.ArrayList<>(entries());
        all.addAll(entries("pages"));
        all.addAll(entries("analyses"));
        all.addAll(entries("indexes"));
        for (Path entry : all) {
            Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 40));
        }
        BuildResult second = cached("b");
        assertThat(second.warnings()).isEqualTo(first.warnings());
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
        assertThat(Files.size(entries().get(0))).as("rewritten whole").isGreaterThan(40);
    }

    /** The processed bodies in the cache. */
    @Test
    void anEditRendersAgainOnlyThePagesThatShowItAndAnalyzesOnlyThatPage() throws Exception {
        cached("a");
        List<Path> pages = entries("pages");
        List<Path> analyses = entries("analyses");
        List<Path> indexes = entries("indexes");
        assertThat(indexes).as("one index per locale").hasSize(2);
        Path faq = content.root().resolve("en/fees/faq.md");
        Files.writeString(faq, Files.readString(faq).replace("Because.", "Because networks charge it."));
        cached("b");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
        // The FAQ's page, its twin, the llms file that holds it and the search page that lists its questions
        // changed; the other pages were taken from the cache.
        List<Path> reused = entries("pages").stream().filter(pages::contains).toList();
        assertThat(reused).hasSizeGreaterThan(pages.size() / 2).hasSizeLessThan(pages.size());
        assertThat(entries("analyses").stream().filter(analyses::contains)).hasSize(analyses.size() - 1);
        // Each locale's llms-full.txt is kept whole: the edited locale's is made again, the other's linked.
        assertThat(Files.isSameFile(dir.resolve("a/zh-CN/llms-full.txt"), dir.resolve("b/zh-CN/llms-full.txt"))).isTrue();
        assertThat(Files.isSameFile(dir.resolve("a/en/llms-full.txt"), dir.resolve("b/en/llms-full.txt"))).isFalse();
        assertThat(TestSites.read(dir.resolve("b/en/llms-full.txt"))).contains("Because networks charge it.");
        // The Chinese index was taken whole; the English one was built again and replaced its old entry.
        assertThat(entries("indexes")).hasSize(2).filteredOn(indexes::contains).singleElement()
                .satisfies(entry -> assertThat(entry.toString()).contains("zh-CN"));
    }

    /**
     * A twin whose page is kept is found by a stand-in for its text, which names the body; the text is made only
     * for a twin that changed. Long bodies only: the cache names a short one by its characters.
     */
    @Test
    void aLongPagesTwinFollowsEditsToItsBodyAndTitle() throws Exception {
        String steps = "1. Open **Assets**, then *Withdraw*.\n2. Pick the network the receiving platform supports.\n"
                + "3. Paste the address, check its first and last characters, and confirm with your second factor.\n";
        content.page("en/fees/networks.md", "title: Network fees", ("## Steps\n\n" + steps + "\n").repeat(8));
        cached("a");
        Path page = content.root().resolve("en/fees/networks.md");
        // Past the excerpt, which the twin's description shows: only the body's key tells the twins apart.
        Files.writeString(page, Files.readString(page) + "\nFees are shown before you confirm.\n");
        cached("b");
        assertThat(TestSites.read(dir.resolve("b/en/fees/networks/index.md"))).contains("Fees are shown before you confirm.");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
        Files.writeString(page, Files.readString(page).replace("title: Network fees", "title: Fees per network"));
        cached("d");
        assertThat(TestSites.read(dir.resolve("d/en/fees/networks/index.md"))).contains("Fees per network");
        assertThat(TestSites.tree(dir.resolve("d"))).isEqualTo(scratch("e"));
    }

    @Test
    void aChangedTemplateOrInterfaceTextRendersEveryPageAgain() throws Exception {
        cached("a");
        content.file("themes/default/templates/partials/footer.peb", "<footer class=\"custom\">{{ t('footer.custom') }}</footer>\n")
                .file("themes/default/i18n/en.yml", "footer:\n  custom: Made by our team\n");
        cached("b");
        assertThat(TestSites.read(dir.resolve("b/en/fees/deposit/index.html"))).contains("Made by our team");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
        content.file("themes/default/i18n/en.yml", "footer:\n  custom: Made by the fees team\n");
        cached("d");
        assertThat(TestSites.read(dir.resolve("d/en/fees/deposit/index.html"))).contains("Made by the fees team");
        assertThat(TestSites.tree(dir.resolve("d"))).isEqualTo(scratch("e"));
    }

    @Test
    void keptPagesAreHardLinksToTheCacheAsReadableAsWrittenPages() throws Exception {
        cached("a");
        cached("b");
        Map<String, String> scratch = scratch("c");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch);
        java.util.Set<Object> entryFiles = new java.util.HashSet<>();
        for (Path entry : entries("pages")) {
            entryFiles.add(Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        }
        for (String page : List.of("en/fees/deposit/index.html", "zh-CN/fees/withdrawal/index.html")) {
            Path linked = dir.resolve("b").resolve(page);
            assertThat(Files.readAttributes(linked, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                    .as(page + " is a cache entry's file").isIn(entryFiles);
            // A web server reads the site as another user: a linked page has the permissions of a written one.
            assertThat(Files.getPosixFilePermissions(linked))
                    .isEqualTo(Files.getPosixFilePermissions(dir.resolve("c").resolve(page)));
        }
    }

    /** A cache on another file system than the site (a tmpfs, another disk): no links there, pages written. */
    @Test
    void aCacheOnAnotherFileSystemGivesTheSameSiteWithoutLinks() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(dir)), "no second file system here");
        cache = Files.createTempDirectory(shm, "pharos-cache-test-");
        try {
            cached("a");
            Path page = content.root().resolve("en/fees/deposit.md");
            Files.writeString(page, Files.readString(page).replace("Deposits are free.", "Deposits cost nothing."));
            cached("b");
            assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
            assertThat(Files.isSameFile(dir.resolve("a/en/fees/withdrawal/index.html"),
                    dir.resolve("b/en/fees/withdrawal/index.html"))).isFalse();
            assertThat(entries("pages")).isNotEmpty();
        } finally {
            FileTrees.delete(cache);
        }
    }

    @Test
    void aPageChangedThroughItsLinkOrALostIndexIsRenderedAgain() throws Exception {
        cached("a");
        // Changed in place in the site (a post-processing step): through the link, the cache entry changes too.
        Path page = dir.resolve("a/en/fees/deposit/index.html");
        Files.writeString(page, "<!-- changed after the build -->", java.nio.file.StandardOpenOption.APPEND);
        cached("b");
        Map<String, String> scratch = scratch("c");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch);
        assertThat(Files.isSameFile(page, dir.resolve("b/en/fees/deposit/index.html"))).isFalse();
        assertThat(Files.isSameFile(dir.resolve("a/en/fees/withdrawal/index.html"),
                dir.resolve("b/en/fees/withdrawal/index.html"))).as("an untouched page is linked still").isTrue();
        // Without the index of lengths and CRCs no entry can be checked, so none is taken.
        Files.delete(cache.resolve("pages.index"));
        cached("d");
        assertThat(TestSites.tree(dir.resolve("d"))).isEqualTo(scratch);
        assertThat(Files.isSameFile(dir.resolve("b/en/fees/withdrawal/index.html"),
                dir.resolve("d/en/fees/withdrawal/index.html"))).isFalse();
    }

    /** A change in place through a site's link that keeps the page's length is still seen, by the entry's CRC. */
    @Test
    void aPageChangedInPlaceToTheSameLengthIsRenderedAgain() throws Exception {
        cached("a");
        Path page = dir.resolve("a/en/fees/deposit/index.html");
        byte[] bytes = Files.readAllBytes(page);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(page);
        // A clock tick later: a check by modification time alone would need it, and must not pass for this.
        while (java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()).compareTo(written) <= 0) {
            Thread.sleep(5);
        }
        Thread.sleep(20);
        try (var channel = java.nio.channels.FileChannel.open(page, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("<!-- in place -->".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
        }
        assertThat(Files.size(page)).isEqualTo(bytes.length);
        cached("b");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
        assertThat(Files.isSameFile(page, dir.resolve("b/en/fees/deposit/index.html"))).isFalse();
        assertThat(Files.isSameFile(dir.resolve("a/en/fees/withdrawal/index.html"),
                dir.resolve("b/en/fees/withdrawal/index.html"))).as("an untouched page is linked still").isTrue();
    }

    /**
     * A change in place that leaves the length and the modification time as they were, made in the clock tick the
     * index was written in (here: the index's time set back to the entry's), is still seen: such an entry is read.
     */
    @Test
    void aPageChangedInTheTickItsIndexWasWrittenIsRenderedAgain() throws Exception {
        cached("a");
        Path page = dir.resolve("a/en/fees/deposit/index.html");
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(page);
        byte[] bytes = Files.readAllBytes(page);
        try (var channel = java.nio.channels.FileChannel.open(page, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("<!-- in place -->".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
        }
        Files.setLastModifiedTime(page, written);
        Files.setLastModifiedTime(cache.resolve("pages.index"), written);
        assertThat(Files.size(page)).isEqualTo(bytes.length);
        cached("b");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch("c"));
        assertThat(Files.isSameFile(page, dir.resolve("b/en/fees/deposit/index.html"))).isFalse();
    }

    /**
     * A cache restored with other modification times (an archive that keeps whole seconds only) is still used: each
     * entry is read once and found whole, and the build after trusts the new times.
     */
    @Test
    void aCacheRestoredWithOtherTimesIsStillUsed() throws Exception {
        cached("a");
        java.nio.file.attribute.FileTime restored = java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
        for (Path entry : entries("pages")) {
            Files.setLastModifiedTime(entry, restored);
        }
        cached("b");
        Map<String, String> scratch = scratch("c");
        assertThat(TestSites.tree(dir.resolve("b"))).isEqualTo(scratch);
        assertThat(Files.isSameFile(dir.resolve("a/en/fees/withdrawal/index.html"),
                dir.resolve("b/en/fees/withdrawal/index.html"))).isTrue();
        assertThat(Files.readAllLines(cache.resolve("pages.index")))
                .allMatch(line -> line.endsWith(" " + restored.to(java.util.concurrent.TimeUnit.NANOSECONDS)));
        cached("d");
        assertThat(TestSites.tree(dir.resolve("d"))).isEqualTo(scratch);
        assertThat(Files.isSameFile(dir.resolve("a/en/fees/withdrawal/index.html"),
                dir.resolve("d/en/fees/withdrawal/index.html"))).isTrue();
    }

    private List<Path> entries() throws Exception {
        return entries("bodies");
    }

    private List<Path> entries(String kind) throws Exception {
        try (Stream<Path> files = Files.walk(cache.resolve(kind))) {
            return files.filter(f -> f.toString().endsWith(".entry")).sorted().toList();
        }
    }
}
