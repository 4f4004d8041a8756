package dev.pharos.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a Zendesk export is read from: the Help Center API over HTTP, or a folder of the same JSON saved earlier.
 *
 * <p>Endpoints are named by their path after {@code /api/v2/help_center/} ({@code locales.json},
 * {@code en-us/articles.json}, {@code articles/360001234/translations.json}); a folder holds the same paths, each
 * file one response whose list has every item (or the first page of several, with the rest found through
 * {@code next_page} file names relative to the folder).
 */
interface ZendeskSource {

    /** Every item of the list {@code key} of a (paginated) endpoint, in the order served. */
    List<JsonNode> list(String endpoint, String key) throws PharosException;

    /** One response, such as {@code locales.json}. */
    JsonNode get(String endpoint) throws PharosException;

    /** An attachment's bytes: {@code contentUrl} over HTTP, {@code articles/<id>/attachments/<fileName>} in a folder. */
    byte[] attachment(long articleId, String fileName, String contentUrl) throws PharosException;

    /** The Help Center API. */
    final class Http implements ZendeskSource {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final int MAX_PAGES = 10_000;

        private final HttpClient client;
        private final String base;
        private final String authorization;
        private final int maxRetries;
        private final Duration maxWait;

        /**
         * @param baseUrl    the site, such as {@code https://acme.zendesk.com}
         * @param email      the agent's email for API-token authentication; empty for none (public help centers)
         * @param token      the API token
         * @param maxRetries how many times one request is retried after 429 Too Many Requests
         */
        Http(String baseUrl, String email, String token, int maxRetries, Duration maxWait) {
            this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            this.base = baseUrl.replaceAll("/+$", "");
            this.authorization = email.isEmpty() || token.isEmpty() ? ""
                    : "Basic " + Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
            this.maxRetries = maxRetries;
            this.maxWait = maxWait;
        }

        String url(String endpoint) {
            return base + "/api/v2/help_center/" + endpoint;
        }

        @Override
        public List<JsonNode> list(String endpoint, String key) throws PharosException {
            List<JsonNode> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String next = url(endpoint) + "?per_page=100";
            while (next != null && seen.add(next) && seen.size() <= MAX_PAGES) {
                JsonNode page = json(next);
                page.path(key).forEach(out::add);
                next = nextPage(page);
            }
            return out;
        }

        /** {@code next_page} (offset pagination) or {@code links.next} while {@code meta.has_more} (cursor pagination). */
        static String nextPage(JsonNode page) {
            JsonNode links = page.path("links").path("next");
            if (page.path("meta").path("has_more").asBoolean(false) && links.isTextual() && !links.asText().isEmpty()) {
                return links.asText();
            }
            JsonNode next = page.path("next_page");
            return next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        }

        @Override
        public JsonNode get(String endpoint) throws PharosException {
            return json(url(endpoint));
        }

        @Override
        public byte[] attachment(long articleId, String fileName, String contentUrl) throws PharosException {
            return fetch(contentUrl, false);
        }

        private JsonNode json(String url) throws PharosException {
            byte[] body = fetch(url, true);
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new PharosException(Problem.error(null, 0, "GET " + url + " did not answer JSON: " + e.getMessage()));
            }
        }

        private byte[] fetch(String url, boolean api) throws PharosException {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new PharosException(Problem.error(null, 0, "not a URL: " + url));
            }
            for (int attempt = 0; ; attempt++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
                if (api) {
                    request.header("Accept", "application/json");
                }
                if (!authorization.isEmpty() && sameSite(uri)) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<byte[]> response;
                try {
                    response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                    throw new PharosException(Problem.error(null, 0, "cannot reach " + url + " (" + why
                            + "): check --subdomain (or --url) and the network"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PharosException(Problem.error(null, 0, "interrupted while reading " + url));
                }
                int status = response.statusCode();
                if (status == 429 && attempt < maxRetries) {
                    sleep(retryAfter(response));
                    continue;
                }
                if (status / 100 == 2) {
                    return response.body();
                }
                throw new PharosException(Problem.error(null, 0, "GET " + url + " answered " + status + explain(status, attempt)));
            }
        }

        private boolean sameSite(URI uri) {
            URI b = URI.create(base);
            return b.getHost() != null && b.getHost().equalsIgnoreCase(uri.getHost()) && b.getPort() == uri.getPort();
        }

        private Duration retryAfter(HttpResponse<?> response) {
            long seconds = response.headers().firstValue("Retry-After").map(v -> {
                try {
                    return Long.parseLong(v.strip());
                } catch (NumberFormatException e) {
                    return 10L;
                }
            }).orElse(10L);
            Duration wait = Duration.ofSeconds(Math.max(0, seconds));
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }

        private static void sleep(Duration wait) throws PharosException {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PharosException(Problem.error(null, 0, "interrupted while waiting for Zendesk's rate limit"));
            }
        }

        private String explain(int status, int attempts) {
            return switch (status) {
                case 401 -> " (Unauthorized): check ZENDESK_EMAIL and ZENDESK_API_TOKEN (an agent's email and an API token"
                        + " from Admin Center > Apps and integrations > Zendesk API)";
                case 403 -> " (Forbidden): the account of ZENDESK_EMAIL may not read Guide; use an agent or admin account's token";
                case 404 -> " (Not Found): check --subdomain (or --url) and that Help Center is enabled";
                case 429 -> " (Too Many Requests) " + (attempts + 1) + " times; wait a few minutes and import again";
                default -> status >= 500 ? ": Zendesk had a problem; try again later" : "";
            };
        }
    }

    /** A folder of JSON saved from the API ({@code --from DIR}). */
    final class Folder implements ZendeskSource {

        private static final ObjectMapper JSON = new ObjectMapper();

        private final Path root;

        Folder(Path root) {
            this.root = root;
        }

        @Override
        public List<JsonNode> list(String endpoint, String key) throws PharosException {
            List<JsonNode> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String next = endpoint;
            while (next != null && seen.add(next)) {
                JsonNode page = get(next);
                page.path(key).forEach(out::add);
                String following = Http.nextPage(page);
                // Saved pages name the next page relative to the folder; URLs from the API end the list.
                next = following == null || following.contains("://") ? null : following;
            }
            return out;
        }

        @Override
        public JsonNode get(String endpoint) throws PharosException {
            Path file = file(endpoint);
            if (!Files.isRegularFile(file)) {
                throw new PharosException(Problem.error(endpoint, 0, "missing in " + root
                        + "; an export folder holds the API's paths after /api/v2/help_center/ (see the README)"));
            }
            try {
                return JSON.readTree(file.toFile());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
                throw new PharosException(Problem.error(endpoint, line, "not valid JSON: " + e.getOriginalMessage()));
            } catch (IOException e) {
                throw new PharosException(Problem.error(endpoint, 0, "cannot read: " + e.getMessage()));
            }
        }

        /** Whether the folder has an endpoint (translations and attachments are optional). */
        boolean has(String endpoint) {
            return Files.isRegularFile(file(endpoint));
        }

        @Override
        public byte[] attachment(long articleId, String fileName, String contentUrl) throws PharosException {
            String name = "articles/" + articleId + "/attachments/" + fileName;
            try {
                return Files.readAllBytes(file(name));
            } catch (IOException e) {
                throw new PharosException(Problem.error(name, 0, "missing in " + root + " (the attachment " + contentUrl + ")"));
            }
        }

        private Path file(String endpoint) {
            String path = endpoint.replace('\\', '/');
            int query = path.indexOf('?');
            return root.resolve(query < 0 ? path : path.substring(0, query)).normalize();
        }
    }
}
