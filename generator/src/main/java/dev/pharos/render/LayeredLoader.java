package dev.pharos.render;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Loads Pebble templates from a theme's layers ({@code templates/} of the first layer that has the file). */
final class LayeredLoader implements Loader<String> {

    private final Theme theme;

    LayeredLoader(Theme theme) {
        this.theme = theme;
    }

    @Override
    public Reader getReader(String name) {
        Optional<Path> file = theme.find(path(name));
        if (file.isEmpty()) {
            throw new LoaderException(null, "template '" + name + "' not found in the theme " + theme.layers());
        }
        try {
            return Files.newBufferedReader(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoaderException(e, "cannot read template " + file.get());
        }
    }

    static String path(String name) {
        return "templates/" + (name.endsWith(".peb") ? name : name + ".peb");
    }

    @Override
    public void setCharset(String charset) {
        // Templates are UTF-8.
    }

    @Override
    public void setPrefix(String prefix) {
        // The layers are the prefix.
    }

    @Override
    public void setSuffix(String suffix) {
        // Names may omit .peb; path() adds it.
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        return theme.find(path(templateName)).isPresent();
    }
}
