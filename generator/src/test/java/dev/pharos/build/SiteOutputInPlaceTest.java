package dev.pharos.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pharos.PharosException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev server's output mode: only changed files are written, stale ones removed, nothing on failure. */
class SiteOutputInPlaceTest {

    @TempDir
    Path root;

    @Test
    void rewritesOnlyChangedFilesAndRemovesStaleOnes() throws Exception {
        Path site = root.resolve("site");
        Path image = root.resolve("logo.png");
        Files.write(image, new byte[] {1, 2, 3});
        try (SiteOutput out = SiteOutput.inPlace(site)) {
            out.write("index.html", "home", "root");
            out.write("_pharos/site.css", "css", "theme");
            out.write("en/a/index.html", "a", "en/a.md");
            out.write("en/old/index.html", "old", "en/old.md");
            out.copy(image, "en/logo.png", "en/logo.png");
            out.commit();
        }
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(site.resolve("index.html"), past);
        Files.setLastModifiedTime(site.resolve("en/logo.png"), past);

        try (SiteOutput out = SiteOutput.inPlace(site)) {
            out.write("index.html", "home", "root");
            out.write("_pharos/site.css", "css", "theme");
            out.write("en/a/index.html", "a, edited", "en/a.md");
            out.copy(image, "en/logo.png", "en/logo.png");
            assertThat(Files.readString(site.resolve("en/a/index.html"))).as("nothing changes before commit").isEqualTo("a");
            out.commit();
        }
        assertThat(Files.getLastModifiedTime(site.resolve("index.html"))).as("same bytes: not rewritten").isEqualTo(past);
        assertThat(Files.getLastModifiedTime(site.resolve("en/logo.png"))).isEqualTo(past);
        assertThat(Files.readString(site.resolve("en/a/index.html"))).isEqualTo("a, edited");
        assertThat(site.resolve("en/old")).as("stale page and its folder removed").doesNotExist();
    }

    @Test
    void aFailedBuildLeavesTheSiteAsItWas() throws Exception {
        Path site = root.resolve("site");
        try (SiteOutput out = SiteOutput.inPlace(site)) {
            out.write("index.html", "home", "root");
            out.write("_pharos/x.css", "css", "theme");
            out.commit();
        }
        try (SiteOutput out = SiteOutput.inPlace(site)) {
            out.write("index.html", "broken", "root");
            assertThatThrownBy(() -> out.write("index.html", "twice", "other")).isInstanceOf(PharosException.class)
                    .hasMessageContaining("written twice");
        }
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("home");
        assertThat(site.resolve("_pharos/x.css")).exists();
    }
    @Test
    void withAMemoryOfTheLastCommitUnchangedTextIsNotReadAgain() throws Exception {
        Path site = root.resolve("site");
        java.util.Map<String, Object> memory = new java.util.concurrent.ConcurrentHashMap<>();
        try (SiteOutput out = SiteOutput.inPlace(site, memory)) {
            out.write("index.html", "home", "root");
            out.write("en/a/index.html", "a", "en/a.md");
            out.write("_pharos/search/en/meta.json", new byte[] {1, 2}, "search index");
            out.commit();
        }
        assertThat(memory).containsOnlyKeys("index.html", "en/a/index.html", "_pharos/search/en/meta.json");
        // Changed behind the preview's back: the memory says "home" is there, so the file is not read or rewritten.
        Files.writeString(site.resolve("index.html"), "changed on disk");

        try (SiteOutput out = SiteOutput.inPlace(site, memory)) {
            out.write("index.html", "home", "root");
            out.write("en/a/index.html", "a, edited", "en/a.md");
            out.write("_pharos/search/en/meta.json", new byte[] {1, 2}, "search index");
            out.commit();
        }
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("changed on disk");
        assertThat(Files.readString(site.resolve("en/a/index.html"))).isEqualTo("a, edited");
        assertThat(memory.get("en/a/index.html")).isEqualTo("a, edited");

        try (SiteOutput out = SiteOutput.inPlace(site, memory)) {
            out.write("index.html", "home", "root");
            out.write("_pharos/search/en/meta.json", new byte[] {3}, "search index");
            out.commit();
        }
        assertThat(site.resolve("en/a")).as("a page gone from the build is removed").doesNotExist();
        assertThat(Files.readAllBytes(site.resolve("_pharos/search/en/meta.json"))).containsExactly(3);
        assertThat(memory).containsOnlyKeys("index.html", "_pharos/search/en/meta.json");
    }
}
