package dev.pharos.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Ticket URLs against known-good strings. The fixture is shared with the browser module's tests
 * ({@code themes/default/tests/support-tickets.test.js}), so Java and JavaScript are held to the same bytes.
 */
class TicketUrlsTest {

    static final Path FIXTURE = Path.of("../themes/default/tests/support-ticket-urls.fixture.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode fixture() throws IOException {
        return JSON.readTree(Files.readString(FIXTURE, StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyProviderBuildsTheFixtureUrls() throws IOException {
        JsonNode fixture = fixture();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fixture.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                TicketProvider provider = JSON.treeToValue(fixture.get("providers").get(c.get("provider").asText()),
                        TicketProvider.class);
                TicketDraft draft = JSON.treeToValue(fixture.get("drafts").get(c.get("draft").asText()), TicketDraft.class);
                String url = TicketUrls.url(provider, draft, c.get("maxLength").asInt());
                assertThat(url).isEqualTo(c.get("expected").asText());
                assertThat(url.length()).isLessThanOrEqualTo(c.get("maxLength").asInt());
            }));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> draftsAreComposedLikeTheFixture() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : fixture().get("compose")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                TicketText text = JSON.treeToValue(c.get("text"), TicketText.class);
                JsonNode a = c.get("args");
                List<TicketText.Blank> blanks = new ArrayList<>();
                a.get("blanks").forEach(b -> blanks.add(new TicketText.Blank(b.get("label").asText(), b.get("attach").asBoolean())));
                TicketDraft draft = text.draft(a.get("category").asText(), a.get("categoryLabel").asText(),
                        a.get("summary").asText(), a.get("message").asText(), blanks, a.get("locale").asText(),
                        a.get("localeLabel").asText(), a.get("url").asText(), a.get("title").asText());
                assertThat(draft.subject()).isEqualTo(c.get("expected").get("subject").asText());
                assertThat(draft.message()).isEqualTo(c.get("expected").get("message").asText());
                assertThat(draft.details()).isEqualTo(c.get("expected").get("details").asText());
            }));
        }
        return tests.stream();
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(Percent.component("a b+c&d#e%f/g?h=i~j_k.l-m")).isEqualTo("a%20b%2Bc%26d%23e%25f%2Fg%3Fh%3Di~j_k.l-m");
        assertThat(Percent.component("!'()*")).isEqualTo("%21%27%28%29%2A");
        assertThat(Percent.component("提币\n")).isEqualTo("%E6%8F%90%E5%B8%81%0A");
        assertThat(Percent.component("\uD83D\uDE80")).isEqualTo("%F0%9F%9A%80");
        assertThat(Percent.component("x\uD83Dy\uDE80")).isEqualTo("x%EF%BF%BDy%EF%BF%BD");
    }

    @Test
    void cutsNeverSplitASurrogatePairAndPreferWordBreaks() {
        String rockets = "\uD83D\uDE80".repeat(5);
        assertThat(TicketUrls.cut(rockets, 3)).isEqualTo("\uD83D\uDE80\u2026");
        assertThat(TicketUrls.cut(rockets, 4)).isEqualTo("\uD83D\uDE80\uD83D\uDE80\u2026");
        assertThat(TicketUrls.cut("withdrawal pending for hours", 15)).isEqualTo("withdrawal\u2026");
        assertThat(TicketUrls.cut("withdrawal pending for hours", 18)).isEqualTo("withdrawal pending\u2026");
        assertThat(TicketUrls.cut("提币一直没有到账", 4)).isEqualTo("提币一直\u2026");
        assertThat(TicketUrls.cut("abc", 0)).isEmpty();
    }

    /**
     * Random drafts mixing ASCII specials, Chinese, emoji and line breaks: every URL is within the limit, parses as
     * a URI, and each parameter decodes as strict UTF-8 (a cut inside an escape or a surrogate pair would not).
     */
    @Test
    void randomDraftsStayWithinTheLimitAndDecodeCleanly() throws Exception {
        Random random = new Random(20261122);
        String[] pieces = {"a", "Z", " ", "&", "#", "%", "+", "\n", "提", "币", "\uD83D\uDE80", "é", "~", "=", "?"};
        JsonNode fixture = fixture();
        String[] providers = {"zendesk", "github", "email"};
        for (int round = 0; round < 200; round++) {
            StringBuilder message = new StringBuilder("Problem: ");
            int length = random.nextInt(1500);
            for (int i = 0; i < length; i++) {
                message.append(pieces[random.nextInt(pieces.length)]);
            }
            TicketProvider provider = round % 4 == 3
                    ? new UrlTemplateProvider("https://desk.example/new?s={subject}&d={description}&c={category}", null)
                    : JSON.treeToValue(fixture.get("providers").get(providers[round % 4]), TicketProvider.class);
            TicketDraft draft = new TicketDraft("withdrawals", "Withdrawals: " + message.codePoints().limit(40)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append),
                    message.toString(), "UID:\nTxID:", round % 2 == 0 ? "en" : "zh-CN", "https://help.example/x/", "X");
            int max = 300 + random.nextInt(1700);
            String url = TicketUrls.url(provider, draft, max);
            assertThat(url.length()).as("round %d", round).isLessThanOrEqualTo(max);
            URI.create(url);
            String query = url.substring(url.indexOf('?') + 1);
            for (String param : query.split("&")) {
                String value = param.substring(param.indexOf('=') + 1);
                assertThat(strictDecode(value)).as("round %d", round).doesNotContain("\uFFFD");
            }
        }
    }

    private static String strictDecode(String value) throws CharacterCodingException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }

    @Test
    void jiraCannotBePrefilledSoItsUrlIgnoresTheDraft() throws IOException {
        TicketProvider jira = JSON.treeToValue(fixture().get("providers").get("jira"), TicketProvider.class);
        assertThat(jira.prefills()).isFalse();
        TicketDraft draft = new TicketDraft("deposits", "x".repeat(5000), "", "", "en", "", "");
        assertThat(TicketUrls.url(jira, draft, 300)).isEqualTo("https://tidewell.atlassian.net/servicedesk/customer/portal/3/create/12");
    }

    @Test
    void providersSerializeToTheShapeTheBrowserReads() throws IOException {
        JsonNode zendesk = fixture().get("providers").get("zendesk");
        TicketProvider provider = JSON.treeToValue(zendesk, TicketProvider.class);
        assertThat(JSON.readTree(SupportStage.json(provider))).isEqualTo(zendesk);
    }
}
