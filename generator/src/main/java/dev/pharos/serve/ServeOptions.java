package dev.pharos.serve;

import dev.pharos.build.SiteBuilder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the preview server.
 *
 * @param source the content root to build and watch
 * @param output where the preview site is written ({@code <source>/target/site} by default)
 * @param host   the address to listen on; {@code 127.0.0.1} so the preview is never reachable from other machines
 *               unless asked
 * @param port   the port; 0 picks a free one
 * @param drafts show drafts and future-dated pages (marked as drafts); on by default in preview
 */
public record ServeOptions(Path source, Path output, String host, int port, boolean drafts) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServeOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
    }

    public static ServeOptions of(Path source) {
        return new ServeOptions(source, SiteBuilder.defaultOutput(source), LOOPBACK, DEFAULT_PORT, true);
    }

    public ServeOptions withOutput(Path value) {
        return new ServeOptions(source, value, host, port, drafts);
    }

    public ServeOptions withHost(String value) {
        return new ServeOptions(source, output, value, port, drafts);
    }

    public ServeOptions withPort(int value) {
        return new ServeOptions(source, output, host, value, drafts);
    }

    public ServeOptions withDrafts(boolean value) {
        return new ServeOptions(source, output, host, port, value);
    }
}
