package dev.pharos.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FolderExchangeTest {

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX) // where the sites are built and served; elsewhere the swap falls back to two renames
    void exchangesTwoFullFoldersInOneStep() throws IOException {
        Path site = folder("site", "old page");
        Path staging = folder(".site.building-1", "new page");
        Files.createDirectories(site.resolve("deep/er"));
        Files.writeString(site.resolve("deep/er/file.txt"), "kept with its folder");

        assertThat(FolderExchange.exchange(staging, site)).isTrue();

        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("new page");
        assertThat(Files.readString(staging.resolve("index.html"))).isEqualTo("old page");
        assertThat(Files.readString(staging.resolve("deep/er/file.txt"))).isEqualTo("kept with its folder");
        assertThat(site.resolve("deep")).doesNotExist();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aMissingFolderIsAnErrorNamingBothAndChangesNothing() throws IOException {
        Path site = folder("site", "old page");
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> FolderExchange.exchange(missing, site))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining(site.toString());
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("old page");
    }

    private Path folder(String name, String page) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("index.html"), page);
        return folder;
    }
}
