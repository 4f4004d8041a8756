package dev.pharos.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Zendesk Help Center API over a fixture folder: pages lists 10 items at a time with {@code next_page},
 * asks for the API token, answers 429 with {@code Retry-After: 1} once, and serves attachments.
 */
final class FakeZendesk implements AutoCloseable {

    static final String EMAIL = "writer@tidewell.example";
    static final String TOKEN = "fixture-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 10;

    private final HttpServer server;
    private final Path fixture;
    private final AtomicBoolean throttled = new AtomicBoolean();
    final AtomicInteger tooManyRequests = new AtomicInteger();
    final List<String> requests = new ArrayList<>();

    FakeZendesk(Path fixture) throws IOException {
        this.fixture = fixture;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            synchronized (requests) {
                requests.add(path + (query == null ? "" : "?" + query));
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((EMAIL + "/token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"Couldn't authenticate you\"}");
                return;
            }
            if (path.startsWith("/hc/article_attachments/")) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                try (var files = Files.walk(fixture)) {
                    Path file = files.filter(f -> f.getFileName().toString().equals(name) && f.getParent().endsWith("attachments"))
                            .findFirst().orElse(null);
                    if (file == null) {
                        send(exchange, 404, "");
                        return;
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                return;
            }
            String prefix = "/api/v2/help_center/";
            Path file = path.startsWith(prefix) ? fixture.resolve(path.substring(prefix.length())).normalize() : null;
            if (file == null || !file.startsWith(fixture) || !Files.isRegularFile(file)) {
                send(exchange, 404, "{\"error\":\"RecordNotFound\"}");
                return;
            }
            int page = query != null && query.matches(".*\\bpage=\\d+.*") ? Integer.parseInt(query.replaceAll(".*\\bpage=(\\d+).*", "$1")) : 1;
            if (page == 2 && path.endsWith("/articles.json") && throttled.compareAndSet(false, true)) {
                tooManyRequests.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "{\"error\":\"TooManyRequests\"}");
                return;
            }
            String text = Files.readString(file).replace(ZendeskFixture.SITE, url());
            ObjectNode body = (ObjectNode) JSON.readTree(text);
            if (path.endsWith("/sections.json")) {
                // Cursor pagination (links.next while meta.has_more), 3 at a time, as newer endpoints answer.
                int after = query != null && query.matches(".*\\bcursor=\\d+.*") ? Integer.parseInt(query.replaceAll(".*\\bcursor=(\\d+).*", "$1")) : 0;
                JsonNode all = body.get("sections");
                ArrayNode slice = JSON.createArrayNode();
                for (int i = after; i < Math.min(all.size(), after + 3); i++) {
                    slice.add(all.get(i));
                }
                body.set("sections", slice);
                boolean more = after + 3 < all.size();
                body.putObject("meta").put("has_more", more).put("after_cursor", more ? String.valueOf(after + 3) : null);
                body.putObject("links").put("next", more ? url() + path + "?cursor=" + (after + 3) : null);
                send(exchange, 200, JSON.writeValueAsString(body));
                return;
            }
            for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode value = body.get(name);
                if (value.isArray() && value.size() > PAGE) {
                    ArrayNode slice = JSON.createArrayNode();
                    for (int i = (page - 1) * PAGE; i < Math.min(value.size(), page * PAGE); i++) {
                        slice.add(value.get(i));
                    }
                    body.set(name, slice);
                    body.put("next_page", page * PAGE < value.size() ? url() + path + "?page=" + (page + 1) + "&per_page=" + PAGE : null);
                    body.put("count", value.size());
                    break;
                }
            }
            send(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
