package dev.pharos.build;

import dev.pharos.content.Page;
import dev.pharos.html.ProcessedHtml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processed bodies of one build, by page.
 *
 * <p>A body is held until its page is rendered, indexed and twinned, so a build holds every page's HTML and text at
 * once: about six bytes of heap per character of Markdown. A site too large for that (100,000 pages in a 4 GiB heap)
 * keeps its bodies in a temporary file instead, holding only each body's place there and its excerpt (which other
 * pages' links show); a stage that asks for a body reads it back. The file is unlinked as soon as it is open, so a
 * killed build leaves nothing behind. Either way a build writes the same bytes.
 *
 * <p>Thread-safe.
 */
final class Bodies implements AutoCloseable {

    /** A body in the file: where it is, and its excerpt. */
    private record Spilled(long position, int length, String excerpt) {
    }

    private final Map<Page, Object> bodies = new ConcurrentHashMap<>();
    private final FileChannel file;
    private final AtomicLong end = new AtomicLong();

    private Bodies(FileChannel file) {
        this.file = file;
    }

    /** Bodies held in memory. */
    static Bodies inMemory() {
        return new Bodies(null);
    }

    /** Bodies kept in a temporary file in {@code folder}. */
    static Bodies inFile(Path folder) {
        try {
            Files.createDirectories(folder);
            Path path = Files.createTempFile(folder, ".pharos-bodies-", ".tmp");
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(path); // POSIX: the open file lives on, nameless; elsewhere DELETE_ON_CLOSE does it
            } catch (IOException e) {
                // Windows keeps an open file's name until it is closed.
            }
            return new Bodies(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for page bodies in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether a site whose Markdown has {@code characters} characters in all should keep its bodies in a file: when
     * they would take more than half of the heap.
     */
    static boolean tooLargeForMemory(long characters, long maxHeap) {
        return characters * 6 > maxHeap / 2;
    }

    /** A copy in memory of these bodies (held in memory), without those of {@code removed}, for a preview's patch. */
    Bodies copyWithout(java.util.Collection<Page> removed) {
        if (file != null) {
            throw new IllegalStateException("bodies kept in a file are not copied");
        }
        Bodies copy = inMemory();
        copy.bodies.putAll(bodies);
        removed.forEach(copy.bodies::remove);
        return copy;
    }

    boolean inFile() {
        return file != null;
    }

    void put(Page page, ProcessedHtml body) {
        if (file == null) {
            bodies.put(page, body);
            return;
        }
        byte[] bytes;
        try {
            bytes = BodyCache.FORMAT.writeValueAsBytes(BodyCache.shrink(body, page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long position = end.getAndAdd(bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                file.write(buffer, position + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a page body to the temporary file: " + e.getMessage(), e);
        }
        bodies.put(page, new Spilled(position, bytes.length, body.excerpt()));
    }

    Optional<ProcessedHtml> get(Page page) {
        Object body = bodies.get(page);
        if (body instanceof Spilled spilled) {
            return Optional.of(read(page, spilled));
        }
        return Optional.ofNullable((ProcessedHtml) body);
    }

    /** The excerpt of a page's body, or empty: read often (every link to the page shows it), so never from the file. */
    String excerpt(Page page) {
        Object body = bodies.get(page);
        if (body instanceof Spilled spilled) {
            return spilled.excerpt();
        }
        return body == null ? "" : ((ProcessedHtml) body).excerpt();
    }

    Set<Page> pages() {
        return Collections.unmodifiableSet(bodies.keySet());
    }

    private ProcessedHtml read(Page page, Spilled spilled) {
        ByteBuffer buffer = ByteBuffer.allocate(spilled.length());
        try {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, spilled.position() + buffer.position()) < 0) {
                    throw new IOException("the file ends early");
                }
            }
            return BodyCache.expand(BodyCache.FORMAT.readValue(buffer.array(), ProcessedHtml.class), page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the body of " + page.source() + " from the temporary file: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // The file is nameless already (or deleted on close): nothing is left to clean.
            }
        }
    }
}
