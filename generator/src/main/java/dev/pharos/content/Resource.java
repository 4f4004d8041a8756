package dev.pharos.content;

import java.nio.file.Path;

/**
 * A file copied to the site as it is: an image beside an article, or anything under {@code static/}.
 *
 * @param source     relative to the content root ({@code en/getting-started/app/layout.svg})
 * @param path       on disk
 * @param outputPath where it goes in the site, relative to the site root without a leading slash
 */
public record Resource(String source, Path path, String outputPath) {
}
