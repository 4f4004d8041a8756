package dev.pharos.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pharos.BuildOptions;
import dev.pharos.BuildResult;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.build.BuildStage;
import dev.pharos.build.RenderCache;
import dev.pharos.build.SiteBuilder;
import dev.pharos.search.SearchStage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The writers' preview: builds the site (drafts included, base URL {@code /}), serves it over HTTP on loopback,
 * watches the content root and rebuilds on every save, and tells open pages over server-sent events to reload, or
 * to show the build errors (file and line) in an overlay. A failed rebuild never stops the server: the last good
 * site stays served until the content builds again.
 *
 * <p>Rebuilds are incremental: rendered article bodies and whole pages are kept between builds, so a one-article
 * edit renders Markdown for that article only and templates only for the pages whose model changed.
 */
public final class DevServer implements AutoCloseable {

    /** What the server tells whoever started it (the command line prints it, the Maven goal logs it). */
    public interface Listener {
        /** A build succeeded: how long it took and how many pages had to be rendered again. */
        default void built(BuildResult result, long millis, int rendered, boolean first) {
        }

        /** A build failed; the previous site is still served. */
        default void failed(List<Problem> problems, boolean first) {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELOAD = "reload";
    private static final String FAILED = "failed";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"),
            Map.entry("pdf", "application/pdf"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("bin", "application/octet-stream"), Map.entry("gz", "application/gzip"));

    private final ServeOptions options;
    private final Path site;
    private final Listener listener;
    private final SiteBuilder builder;
    private final Map<String, SiteBuilder.CachedBody> bodies = new ConcurrentHashMap<>();
    private final RenderCache pages = new RenderCache();
    private final HttpServer http;
    private final ExecutorService pool;
    private final SiteWatcher watcher;
    private final Thread rebuilder;
    private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private final ReentrantReadWriteLock building = new ReentrantReadWriteLock();
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(daemon("pharos-search-index"));
    private volatile CompletableFuture<Void> indexReady = CompletableFuture.completedFuture(null);
    private final AtomicInteger generation = new AtomicInteger();
    private volatile List<Problem> failure;
    private volatile boolean hasSite;
    private volatile boolean closed;

    private DevServer(ServeOptions options, List<Supplier<BuildStage>> stages, Listener listener) throws IOException {
        this.options = options;
        this.site = options.output().toAbsolutePath().normalize();
        this.listener = listener;
        List<Supplier<BuildStage>> all = new ArrayList<>(stages);
        all.add(PreviewStage::new);
        this.builder = new SiteBuilder(all, bodies, pages);
        this.watcher = new SiteWatcher(options.source(), site);
        this.pool = Executors.newCachedThreadPool(daemon("pharos-http"));
        try {
            // Bound before the first build, so a taken port is reported at once; requests wait for the build.
            this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        } catch (BindException e) {
            watcher.close();
            pool.shutdownNow();
            throw new BindException("cannot listen on " + options.host() + ":" + options.port() + " (" + e.getMessage()
                    + "); is another preview running? Pick another port with --port");
        }
        http.setExecutor(pool);
        http.createContext(PreviewStage.EVENTS_PATH, this::events);
        http.createContext("/", this::file);
        building.writeLock().lock();
        try {
            http.start();
            rebuild(true, null);
        } finally {
            building.writeLock().unlock();
        }
        this.rebuilder = daemon("pharos-rebuild").newThread(this::watch);
        rebuilder.start();
    }

    /**
     * Builds the site, starts serving it and watching for changes. A first build with errors does not stop the
     * server: pages show the errors until they are fixed.
     *
     * @throws IOException when the port is taken or the content root cannot be watched
     */
    public static DevServer start(ServeOptions options, List<Supplier<BuildStage>> stages, Listener listener)
            throws IOException {
        return new DevServer(options, stages, listener);
    }

    /** The address to open: {@code http://127.0.0.1:8080/}. */
    public URI url() {
        InetSocketAddress address = http.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** The errors of the last build, or an empty list when it succeeded. */
    public List<Problem> lastFailure() {
        List<Problem> f = failure;
        return f == null ? List.of() : f;
    }

    /** How many builds have finished, successful or not. */
    public int builds() {
        return generation.get();
    }

    private void watch() {
        while (!closed) {
            SiteWatcher.Batch batch;
            try {
                batch = watcher.next();
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
            if (!batch.markdownOnly()) {
                // Templates, UI strings, config or images changed: rendered pages may all differ.
                pages.clear();
                bodies.clear();
            }
            rebuild(false, batch.markdownOnly() ? batch.files() : null);
        }
    }

    /** @param edited the Markdown files a save changed, for a rebuild of what shows them only; null: build it all */
    private void rebuild(boolean first, java.util.Collection<String> edited) {
        long start = System.nanoTime();
        BuildOptions build = BuildOptions.of(options.source(), site).withDrafts(options.drafts()).withBaseUrl("/");
        building.writeLock().lock();
        try {
            BuildResult result = builder.build(build, edited);
            failure = null;
            hasSite = true;
            generation.incrementAndGet();
            long millis = (System.nanoTime() - start) / 1_000_000;
            listener.built(result, millis, pages.takeRenderedCount(), first);
            // Searches wait for the index of this build, which is written after the reload (see runDeferred).
            CompletableFuture<Void> ready = new CompletableFuture<>();
            indexReady = ready;
            if (first) {
                runDeferred(first, ready);
            } else {
                indexer.execute(() -> runDeferred(false, ready));
            }
            broadcast(RELOAD, "{}");
        } catch (PharosException e) {
            failure = e.problems();
            generation.incrementAndGet();
            listener.failed(e.problems(), first);
            broadcast(FAILED, failureJson(e.problems()));
        } catch (RuntimeException e) {
            // A bug must not take the preview down with it: report it like a build error.
            List<Problem> problems = List.of(Problem.error(null, 0, "internal error while building: " + e));
            failure = problems;
            generation.incrementAndGet();
            listener.failed(problems, first);
            broadcast(FAILED, failureJson(problems));
        } finally {
            building.writeLock().unlock();
        }
    }

    /**
     * The search index of the build just served, on its own thread after the reload: the edited page does not
     * wait for it, a search does. When saves come faster than indexing, only the newest build's index is written.
     */
    private void runDeferred(boolean first, CompletableFuture<Void> ready) {
        try {
            if (ready == indexReady) {
                builder.runDeferred();
            }
        } catch (RuntimeException e) {
            List<Problem> problems = List.of(Problem.error(null, 0, "internal error while indexing for search: " + e));
            listener.failed(problems, first);
            broadcast(FAILED, failureJson(problems));
        } finally {
            ready.complete(null);
        }
    }

    private static String failureJson(List<Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("location", p.location());
            m.put("message", p.message());
            list.add(m);
        }
        try {
            return JSON.writeValueAsString(Map.of("problems", list));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void broadcast(String event, String data) {
        String message = "event: " + event + "\ndata: " + data + "\n\n";
        for (BlockingQueue<String> client : clients) {
            client.offer(message);
        }
    }

    // ------------------------------------------------------------------ HTTP

    /**
     * On loopback, only requests addressed to loopback names are answered: a web page the writer visits cannot
     * point its own host name at 127.0.0.1 (DNS rebinding) and read the preview, drafts included.
     */
    private boolean trustedHost(HttpExchange exchange) throws IOException {
        if (!http.getAddress().getAddress().isLoopbackAddress()) {
            return true;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        String name = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        if (name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]") || name.endsWith(".localhost")) {
            return true;
        }
        send(exchange, 403, "text/plain; charset=utf-8", "This preview answers only to http://127.0.0.1 and http://localhost.\n");
        return false;
    }

    /** True once a build succeeded (waits while the first build runs). */
    private boolean hasSite() {
        building.readLock().lock();
        try {
            return hasSite;
        } finally {
            building.readLock().unlock();
        }
    }

    /** Server-sent events: {@code reload} after each good build, {@code failed} with the problems after a bad one. */
    private void events(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        try (exchange) {
            if (!trustedHost(exchange)) {
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            clients.add(queue);
            // A page opened while the content is broken learns it at once.
            List<Problem> now = failure;
            String hello = "retry: 500\n" + (now == null ? ": connected\n\n" : "event: " + FAILED + "\ndata: "
                    + failureJson(now) + "\n\n");
            out.write(hello.getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                String message = queue.poll(15, TimeUnit.SECONDS);
                if (closed) {
                    break;
                }
                // A comment every 15 s finds closed tabs, whose writes then fail.
                out.write((message == null ? ": keep-alive\n\n" : message).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The tab was closed, or the server is stopping.
        } finally {
            clients.remove(queue);
        }
    }

    private void file(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!trustedHost(exchange)) {
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "GET and HEAD only\n");
                return;
            }
            if (!hasSite()) {
                // The very first build failed: nothing to show but the errors. The Refresh header retries until fixed.
                exchange.getResponseHeaders().set("Refresh", "2");
                StringBuilder text = new StringBuilder("The site does not build yet. Fix these and save; this page reloads by itself.\n\n");
                lastFailure().forEach(p -> text.append(p).append('\n'));
                send(exchange, 503, "text/plain; charset=utf-8", text.toString());
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String decoded;
            try {
                decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain; charset=utf-8", "bad path\n");
                return;
            }
            Path target = site.resolve(decoded.replaceFirst("^/+", "")).normalize();
            if (!target.startsWith(site)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            serve(exchange, decoded, target, method.equals("HEAD"));
        }
    }

    private void serve(HttpExchange exchange, String path, Path target, boolean head) throws IOException {
        // Reads wait while a rebuild swaps the site in, so a reload after an event always sees the new files; a
        // search, or an AI tool reading a locale's llms-full.txt, waits for what the rebuild writes after the reload.
        if (path.startsWith("/" + SearchStage.ROOT) || path.endsWith("/llms-full.txt")) {
            try {
                indexReady.get(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Serve what is there: the index of an earlier build.
            }
        }
        serveBuilt(exchange, path, target, head);
    }

    private void serveBuilt(HttpExchange exchange, String path, Path target, boolean head) throws IOException {
        building.readLock().lock();
        try {
            Path file = target;
            if (!insideSite(file)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", path + "/");
                    send(exchange, 301, "text/plain; charset=utf-8", "moved to " + path + "/\n");
                    return;
                }
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!Files.isRegularFile(file)) {
                status = 404;
                file = notFoundPage(path);
                if (file == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
                    return;
                }
            }
            byte[] body;
            try {
                if (!insideSite(file)) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
                    return;
                }
                body = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type(file));
            // Preview pages change on every save; never let the browser keep a stale copy.
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            int from = 0;
            int to = body.length;
            if (status == 200) {
                // The search index is read in pieces with Range requests, as from nginx or a CDN.
                exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
                String range = exchange.getRequestHeaders().getFirst("Range");
                if (range != null) {
                    long[] r = byteRange(range, body.length);
                    if (r != null && r.length == 0) {
                        exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                        exchange.sendResponseHeaders(416, -1);
                        return;
                    }
                    if (r != null) {
                        from = (int) r[0];
                        to = (int) r[1] + 1;
                        status = 206;
                        exchange.getResponseHeaders().set("Content-Range",
                                "bytes " + r[0] + "-" + r[1] + "/" + body.length);
                    }
                }
            }
            if (head) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, to - from);
                exchange.getResponseBody().write(body, from, to - from);
            }
        } finally {
            building.readLock().unlock();
        }
    }

    private static final Pattern SINGLE_RANGE =
            Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /**
     * A single byte range of a {@code Range} header as {first, last}; an empty array when it cannot be satisfied;
     * null when the header is to be ignored (several ranges, another unit, malformed), which means the whole file.
     */
    static long[] byteRange(String header, long length) {
        Matcher m = SINGLE_RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 || length == 0 ? new long[0] : new long[] {Math.max(0, length - suffix), length - 1};
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
        if (first >= length) {
            return new long[0];
        }
        return last < first ? null : new long[] {first, last};
    }

    /**
     * Whether a path, with every symbolic link on it followed, is still inside the site. Resolving the request path
     * inside the site is not enough: a link in the site (put there by hand, or by a tool) would serve whatever it
     * points to, anywhere on the disk. A path that does not exist is inside: there is nothing there to leak.
     */
    private boolean insideSite(Path path) throws IOException {
        try {
            return path.toRealPath().startsWith(site.toRealPath());
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    /** The 404 page of the locale in the path ({@code /zh-CN/x} shows {@code zh-CN/404.html}), else the site's. */
    private Path notFoundPage(String path) {
        String[] parts = path.replaceFirst("^/+", "").split("/");
        if (parts.length > 0 && !parts[0].isEmpty()) {
            Path local = site.resolve(parts[0]).resolve("404.html").normalize();
            if (local.startsWith(site) && Files.isRegularFile(local)) {
                return local;
            }
        }
        Path root = site.resolve("404.html");
        return Files.isRegularFile(root) ? root : null;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (name.equals("_redirects")) {
            return "text/plain; charset=utf-8";
        }
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Stops watching and serving; open event streams end. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rebuilder.interrupt();
        try {
            watcher.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (BlockingQueue<String> client : clients) {
            client.offer("");
        }
        http.stop(0);
        pool.shutdownNow();
        indexer.shutdownNow();
        try {
            rebuilder.join(5000);
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
