package dev.pharos.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in {@code support:} are reported with pharos.yml lines and a way to fix them. */
class SupportConfigTest {

    @TempDir
    Path dir;

    private List<String> errors(String support) {
        Path root = SupportSites.site(dir, support);
        return SupportSites.errors(root, dir.resolve("out")).stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    @Test
    void anUnknownProviderIsAnErrorWithASuggestion() {
        assertThat(errors("support:\n  provider: zendesc\n"))
                .containsExactly("pharos.yml:7: error: unknown ticket provider 'zendesc' (did you mean 'zendesk'?); use one of zendesk, github, jira, email, url");
    }

    @Test
    void missingProviderSettingsAreErrorsAtTheirSection() {
        assertThat(errors("support:\n  provider: zendesk\n  zendesk:\n    formId: 1\n")).containsExactly(
                "pharos.yml:8: error: 'support.zendesk.subdomain' is required for provider zendesk: add 'subdomain: yourcompany' under 'support.zendesk'");
        assertThat(errors("support:\n  provider: github\n  github: {labels: [x]}\n")).singleElement().asString()
                .contains("'support.github.repo' is required");
        assertThat(errors("support:\n  provider: jira\n  jira:\n    baseUrl: https://x.atlassian.net\n"))
                .anyMatch(e -> e.contains("'support.jira.portalid' is required"))
                .anyMatch(e -> e.contains("'support.jira.requesttypeid' is required"));
        assertThat(errors("support:\n  provider: email\n  email: {cc: [a@b.co]}\n")).singleElement().asString()
                .contains("'support.email.to' is required");
        assertThat(errors("support:\n  provider: url\n")).singleElement().asString()
                .startsWith("pharos.yml:7: error: provider 'url' needs its settings under 'support.url'");
    }

    @Test
    void categoriesMustNameDefinedDetailsAndTheDefaultMustExist() {
        String support = """
                support:
                  defaultCategory: generl
                  details:
                    - {id: uid, label: UID}
                  categories:
                    - id: general
                      label: Other
                      details: [uid, txd]
                """;
        assertThat(errors(support)).containsExactly(
                "pharos.yml:7: error: defaultCategory 'generl' is not one of the categories (did you mean 'general'?); known: general",
                "pharos.yml:13: error: category 'general' asks for detail 'txd', which is not defined under 'support.details'");
    }

    @Test
    void linksThatWouldRunScriptAreRefusedWhereverALinkIsConfigured() throws Exception {
        // Found by e2e/tests/xss.test.js: these became href="javascript:..." on every page before.
        for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)")) {
            String quoted = "\"" + url.replace("\t", "\\t") + "\"";
            String support = """
                    support:
                      channels:
                        - {id: chat, type: chat, name: Chat, url: %s}
                      emergency:
                        title: Hacked?
                        url: {en: %s}
                      official:
                        handles:
                          - {platform: X, handle: "@x", url: %s}
                    """.formatted(quoted, quoted, quoted);
            List<String> errors = errors(support);
            assertThat(errors).as(url).hasSize(3).allMatch(e -> e.contains(": link, which would run in the reader's browser"));
            assertThat(errors).as(url).extracting(e -> e.split(":")[1]).containsExactly("8", "11", "14");
        }
        Path safe = SupportSites.site(dir.resolve("safe"), """
                support:
                  channels:
                    - {id: chat, type: chat, name: Chat, url: "https://x.example/chat"}
                    - {id: mail, type: email, name: Mail, url: "mailto:help@x.example"}
                    - {id: here, type: other, name: Here, url: /en/contact/}
                  emergency: {title: Hacked?, url: "tel:+15550100"}
                """);
        assertThat(SupportSites.build(safe, dir.resolve("safe-out")).warnings()).noneMatch(Problem::isError);
    }

    @Test
    void badChannelsFeedbackAndOfficialEntriesAreErrors() {
        String support = """
                support:
                  channels:
                    - name: Chat
                      type: chatt
                      url: https://x.example
                      responseTime: soon
                    - name: Nowhere
                  official:
                    domains: ["not a domain"]
                    phones: ["12"]
                  feedback:
                    endpoint: "ftp://x"
                """;
        assertThat(errors(support)).containsExactly(
                "pharos.yml:9: error: unknown channel type 'chatt' (did you mean 'chat'?); use one of chat, ticket, email, phone, social, community, other",
                "pharos.yml:11: error: 'responseTime' must be a duration such as 2m, 24h or 2d (for ordering by speed)",
                "pharos.yml:12: error: channel 'other-nowhere' needs a 'url' or a 'phone' (only type 'ticket' may leave both out: it links to the ticket form)",
                "pharos.yml:14: error: 'not a domain' is not a domain name such as example.com",
                "pharos.yml:15: error: '12' is not a phone number (with country code: +1 415 555 0100)",
                "pharos.yml:17: error: 'endpoint' must be a path on this site (/api/feedback) or an https:// URL");
    }

    @Test
    void anUnquotedCommaInAFlowMapIsCaught() throws Exception {
        Path root = SupportSites.site(dir, """
                support:
                  details:
                    - id: time
                      label: {en: Date and time, with time zone, zh-CN: 日期和时间}
                """);
        List<String> warnings = SupportSites.build(root, dir.resolve("out")).warnings().stream().map(Problem::toString).toList();
        assertThat(warnings).contains("pharos.yml:9: warning: 'label' has text for 'with time zone', which is not a locale of"
                + " the site; if it is part of the text, put the text in quotes");
    }

    @Test
    void unknownKeysAreWarnedWithSuggestions() throws Exception {
        Path root = SupportSites.site(dir, "support:\n  chanels: []\n  zendesk: {subdomian: x}\n");
        List<String> warnings = SupportSites.build(root, dir.resolve("out")).warnings().stream().map(Problem::toString).toList();
        assertThat(warnings).anyMatch(w -> w.startsWith("pharos.yml:7: warning: unknown key 'support.chanels' (did you mean 'channels'?)"));
        assertThat(warnings).anyMatch(w -> w.contains("unknown key 'support.zendesk.subdomian' (did you mean 'subdomain'?)"));
    }
}
