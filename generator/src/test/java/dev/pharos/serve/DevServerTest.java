package dev.pharos.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.BuildResult;
import dev.pharos.Pharos;
import dev.pharos.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server as writers use it: a real HTTP server, real files, a real event stream, real edits. */
class DevServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path root;

    private DevServer server;
    private final List<Integer> rendered = new CopyOnWriteArrayList<>();
    private final List<List<Problem>> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void content() throws IOException {
        write("pharos.yml", "title: Preview test\nbaseUrl: https://help.example.com/docs/\nlocales: [en, zh-CN]\n");
        write("en/account/_index.md", "---\ntitle: Account\n---\n");
        write("en/account/reset.md", "---\ntitle: Reset your password\ndescription: How to reset it.\n---\n## Steps\nOpen the app.\n");
        write("en/account/other.md", "---\ntitle: Other\n---\nSee [reset](reset.md).\n");
        write("en/account/upcoming.md", "---\ntitle: Upcoming feature\ndraft: true\n---\nNot yet.\n");
        write("zh-CN/account/reset.md", "---\ntitle: 重置密码\n---\n打开应用。\n");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesThePreviewOnLoopbackWithDraftsAndTheReloadScript() throws Exception {
        start();
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");

        HttpResponse<String> page = get("/en/account/reset/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("Open the app.").contains("data-pharos-events=\"/_pharos/dev/events\"")
                .contains("id=\"pharos-dev-overlay\"")
                // Preview builds are served from / whatever baseUrl says.
                .contains("href=\"/en/account/\"");
        String script = page.body().replaceAll("(?s).*<script type=\"module\" src=\"([^\"]*dev-reload\\.js)\".*", "$1");
        assertThat(get(script).statusCode()).isEqualTo(200);
        assertThat(get(script).headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");

        HttpResponse<String> draft = get("/en/account/upcoming/");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.body()).contains("badge-draft").contains("Upcoming feature");

        assertThat(get("/en/account").statusCode()).isEqualTo(301);
        assertThat(get("/en/account").headers().firstValue("Location")).contains("/en/account/");
        HttpResponse<String> missing = get("/zh-CN/nope/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("lang=\"zh-CN\"");
        assertThat(get("/%2e%2e/%2e%2e/pharos.yml").statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(server.url().resolve("/en/")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    @Test
    void theSearchIndexIsReadInRangesAsFromAStaticHost() throws Exception {
        start();
        HttpResponse<String> meta = get("/_pharos/search/en/meta.json");
        assertThat(meta.statusCode()).isEqualTo(200);
        String version = new com.fasterxml.jackson.databind.ObjectMapper().readTree(meta.body()).get("version").asText();
        String url = "/_pharos/search/en/" + version + "/dict.bin";
        HttpResponse<byte[]> whole = bytes(url, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        int length = whole.body().length;
        assertThat(length).isGreaterThan(20);

        HttpResponse<byte[]> part = bytes(url, "bytes=5-14");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 5-14/" + length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 5, 15));
        HttpResponse<byte[]> tail = bytes(url, "bytes=-4");
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), length - 4, length));
        assertThat(bytes(url, "bytes=" + (length - 2) + "-").body()).hasSize(2);
        assertThat(bytes(url, "bytes=" + length + "-").statusCode()).isEqualTo(416);
        // Several ranges at once are answered with the whole file, which HTTP allows and the browser handles.
        assertThat(bytes(url, "bytes=0-1,4-5").statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchAfterTheReloadReadsTheIndexOfTheEditedSite(@TempDir Path elsewhere) throws Exception {
        start();
        ObjectMapper json = new ObjectMapper();
        String before = json.readTree(get("/_pharos/search/en/meta.json").body()).get("version").asText();
        try (Events events = Events.open(server)) {
            write("en/account/reset.md", "---\ntitle: Reset your password\n---\n## Steps\nOpen the app; say quetzalcoatl.\n");
            assertThat(events.next("reload")).isNotNull();
            // The index is written after the reload; a search request waits for it rather than reading the old one.
            JsonNode meta = json.readTree(get("/_pharos/search/en/meta.json").body());
            String after = meta.get("version").asText();
            assertThat(after).isNotEqualTo(before);
            assertThat(bytes("/_pharos/search/en/" + after + "/dict.bin", null).statusCode()).isEqualTo(200);
            // The very index a build from scratch makes of the edited content.
            Path scratch = elsewhere.resolve("site");
            Pharos.build(dev.pharos.BuildOptions.of(root, scratch).withDrafts(true).withBaseUrl("/"));
            assertThat(json.readTree(Files.readString(scratch.resolve("_pharos/search/en/meta.json"))).get("version")
                    .asText()).isEqualTo(after);
            assertThat(bytes("/_pharos/search/en/" + before + "/dict.bin", null).statusCode())
                    .as("the old version is gone").isEqualTo(404);
            // llms-full.txt is written after the reload too, and served once written: the edit, as a build makes it.
            assertThat(get("/en/llms-full.txt").body()).contains("say quetzalcoatl")
                    .isEqualTo(Files.readString(scratch.resolve("en/llms-full.txt")));
        }
    }

    @Test
    void aSavedEditReloadsOpenPagesAndOnlyTheAffectedPagesAreRendered() throws Exception {
        start();
        try (Events events = Events.open(server)) {
            int before = server.builds();
            long t0 = System.nanoTime();
            write("en/account/reset.md", "---\ntitle: Reset your password\ndescription: How to reset it.\n---\n## Steps\nOpen the app, then tap Profile.\n");
            assertThat(events.next("reload")).isNotNull();
            long event = System.nanoTime();
            String body = get("/en/account/reset/").body();
            long served = System.nanoTime();
            assertThat(body).contains("Open the app, then tap Profile.");
            System.out.printf("[dev-server] edit -> reload event %d ms, -> new page served %d ms%n",
                    (event - t0) / 1_000_000, (served - t0) / 1_000_000);
            assertThat(server.builds()).isEqualTo(before + 1);
            // Only the article's own page shows its body (lists show its title and description): one page rendered,
            // with its twin. (en/llms-full.txt is written as it is rendered, never taken from a cache; llms.txt
            // lists titles only.)
            assertThat(rendered.get(rendered.size() - 1)).isEqualTo(1 + 1);
            assertThat(rendered.get(0)).isGreaterThan(10);

            // A title change shows on every page listing the article.
            write("en/account/reset.md", "---\ntitle: Change your password\n---\n## Steps\nOpen the app.\n");
            assertThat(events.next("reload")).isNotNull();
            assertThat(get("/en/account/").body()).contains("Change your password");
            assertThat(get("/en/account/other/").body()).contains("Change your password");
        }
    }

    @Test
    void aBuildErrorShowsFileAndLineAndTheLastGoodSiteStaysServed() throws Exception {
        start();
        try (Events events = Events.open(server)) {
            write("en/account/reset.md", "---\ntitle: Reset your password\nweight: heavy\n---\nBroken now.\n");
            JsonNode failed = new ObjectMapper().readTree(events.next("failed"));
            JsonNode problem = failed.get("problems").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("en/account/reset.md");
            assertThat(problem.get("line").asInt()).isEqualTo(3);
            assertThat(problem.get("location").asText()).isEqualTo("en/account/reset.md:3");
            assertThat(problem.get("message").asText()).contains("'weight' must be a whole number");
            assertThat(server.lastFailure()).isNotEmpty();

            HttpResponse<String> still = get("/en/account/reset/");
            assertThat(still.statusCode()).isEqualTo(200);
            assertThat(still.body()).contains("Open the app.");

            // A tab opened now is told at once.
            try (Events late = Events.open(server)) {
                assertThat(late.next("failed")).contains("en/account/reset.md");
            }

            write("en/account/reset.md", "---\ntitle: Reset your password\nweight: 2\n---\nFixed.\n");
            assertThat(events.next("reload")).isNotNull();
            assertThat(get("/en/account/reset/").body()).contains("Fixed.");
            assertThat(server.lastFailure()).isEmpty();
        }
    }

    @Test
    void themeChangesRebuildEveryPage() throws Exception {
        start();
        try (Events events = Events.open(server)) {
            write("themes/default/templates/partials/footer.peb", "<footer class=\"custom\">Custom footer</footer>\n");
            assertThat(events.next("reload")).isNotNull();
            assertThat(get("/en/account/other/").body()).contains("Custom footer");
            assertThat(get("/zh-CN/account/reset/").body()).contains("Custom footer");
        }
    }

    @Test
    void aFirstBuildThatFailsShowsTheErrorsUntilFixed() throws Exception {
        write("en/account/reset.md", "---\ntitle: [unclosed\n---\nText\n");
        start();
        assertThat(failures).hasSize(1);
        HttpResponse<String> page = get("/en/account/reset/");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Refresh")).contains("2");
        assertThat(page.body()).contains("en/account/reset.md:").contains("error: front matter is not valid YAML");

        try (Events events = Events.open(server)) {
            write("en/account/reset.md", "---\ntitle: Reset\n---\nWorks now.\n");
            assertThat(events.next("reload")).isNotNull();
        }
        assertThat(get("/en/account/reset/").body()).contains("Works now.");
    }

    @Test
    void closingStopsServingAndEndsEventStreams() throws Exception {
        start();
        int port = server.url().getPort();
        Events events = Events.open(server);
        server.close();
        assertThat(events.ended()).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        server.close();
    }

    @Test
    void answersOnlyToLoopbackHostNamesAgainstDnsRebinding() throws Exception {
        start();
        assertThat(rawGet("127.0.0.1:" + server.url().getPort())).startsWith("HTTP/1.1 200");
        assertThat(rawGet("localhost:" + server.url().getPort())).startsWith("HTTP/1.1 200");
        assertThat(rawGet("attacker.example:" + server.url().getPort())).startsWith("HTTP/1.1 403");
    }

    @Test
    void noRequestPathReachesAFileOutsideTheSite(@TempDir Path elsewhere) throws Exception {
        start();
        Path site = root.resolve("target/site");
        Files.writeString(elsewhere.resolve("secret.txt"), "the secret");
        Files.createDirectories(elsewhere.resolve("folder"));
        Files.writeString(elsewhere.resolve("folder/index.html"), "the secret page");
        Files.createSymbolicLink(site.resolve("en/leak.txt"), elsewhere.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("en/linked"), elsewhere.resolve("folder"));
        String up = site.relativize(elsewhere.resolve("secret.txt")).toString();
        assertThat(up).startsWith("../");

        List<String> paths = List.of(
                "/" + up,
                "/en/../" + up,
                "/" + up.replace("..", "%2e%2e"),
                "/" + up.replace("..", "%2E%2E").replace("/", "%2F"),
                "/" + up.replace("..", "%252e%252e"),
                "/" + up.replace("/", "%5c"),
                "/en/leak.txt",
                "/en/linked/",
                "/en/linked/index.html",
                "/en/linked");
        for (String path : paths) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("the secret");
            // The request line exactly as written, in case a client tidies the path before sending it.
            String raw = rawGet("127.0.0.1:" + server.url().getPort(), path);
            assertThat(raw).as(path).matches("(?s)HTTP/1.1 (400|403|404) .*").doesNotContain("the secret");
        }
        assertThat(site.resolve("en/leak.txt")).isSymbolicLink();
        assertThat(get("/en/account/reset/").statusCode()).isEqualTo(200);
    }

    private String rawGet(String host) throws IOException {
        return rawGet(host, "/en/account/reset/");
    }

    private String rawGet(String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.url().getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        start();
        ServeOptions same = ServeOptions.of(root).withPort(server.url().getPort());
        assertThatThrownBy(() -> Pharos.serve(same, new DevServer.Listener() { }))
                .isInstanceOf(java.net.BindException.class).hasMessageContaining("--port");
    }

    private void start() throws IOException {
        server = Pharos.serve(ServeOptions.of(root).withPort(0), new DevServer.Listener() {
            @Override
            public void built(BuildResult result, long millis, int count, boolean first) {
                rendered.add(count);
            }

            @Override
            public void failed(List<Problem> problems, boolean first) {
                failures.add(problems);
            }
        });
    }

    private HttpResponse<byte[]> bytes(String path, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(20));
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** An open event stream, read line by line on its own thread, as a browser tab would. */
    static final class Events implements AutoCloseable {
        private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        private final Thread reader;
        private volatile boolean ended;
        private volatile Stream<String> lines;

        private Events(URI uri) throws Exception {
            HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
            lines = response.body();
            reader = new Thread(() -> {
                String[] event = {null};
                try {
                    lines.forEach(line -> {
                        if (line.startsWith("event: ")) {
                            event[0] = line.substring(7);
                        } else if (line.startsWith("data: ") && event[0] != null) {
                            received.add(new String[] {event[0], line.substring(6)});
                            event[0] = null;
                        }
                    });
                } catch (RuntimeException e) {
                    // closed
                }
                ended = true;
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Events open(DevServer server) throws Exception {
            return new Events(server.url().resolve(PreviewStage.EVENTS_PATH));
        }

        /** The data of the next event of this kind (earlier ones of other kinds are skipped), waiting up to 30 s. */
        String next(String kind) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String[] e = received.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && e[0].equals(kind)) {
                    return e[1];
                }
            }
            throw new AssertionError("no '" + kind + "' event within 30 s");
        }

        boolean ended() throws InterruptedException {
            reader.join(10_000);
            return ended;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
