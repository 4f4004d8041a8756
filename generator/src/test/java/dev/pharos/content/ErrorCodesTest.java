package dev.pharos.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Problem;
import dev.pharos.TestSites;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error codes as writers type them: {@code codes:} in front matter and {@code {#anchor codes=…}} on headings. */
class ErrorCodesTest {

    @TempDir
    Path dir;

    private Site load() {
        return ContentLoader.load(dir, new ContentLoader.Options(false, TestSites.TODAY));
    }

    private static List<String> messages(Site site) {
        return site.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void frontMatterCodesAreUpperCasedAndLeadToTheWholeArticle() {
        TestSites.at(dir).page("en/limits.md", "title: Limits\ncodes: [wd-1023, WITHDRAW_LIMIT_DAILY, E.7]", "Text.\n");
        Site site = load();
        assertThat(site.page("en", "limits").orElseThrow().codes()).containsExactly(
                new ErrorCode("WD-1023", "", 3), new ErrorCode("WITHDRAW_LIMIT_DAILY", "", 3), new ErrorCode("E.7", "", 3));
        assertThat(site.problems()).isEmpty();
    }

    @Test
    void headingBlocksGiveAnAnchorAndCodes() {
        TestSites.at(dir).page("en/faq.md", "title: FAQ\ntype: faq", """
                Intro.

                ## Why is my withdrawal limited? {#withdraw-limit codes=E1023,e1024}

                Because.

                ## Where is my **deposit**? {codes=DP-1, DP-2}

                ```markdown
                ## Not a heading {#x codes=E9}
                ```

                ## Use {curly} braces
                """);
        Site site = load();
        assertThat(site.page("en", "faq").orElseThrow().codes()).containsExactly(
                new ErrorCode("E1023", "withdraw-limit", 7), new ErrorCode("E1024", "withdraw-limit", 7),
                new ErrorCode("DP-1", "where-is-my-deposit", 11), new ErrorCode("DP-2", "where-is-my-deposit", 11));
        assertThat(site.problems()).isEmpty();
    }

    @Test
    void invalidCodesAreErrorsWithFileAndLine() {
        TestSites.at(dir)
                .page("en/a.md", "title: A\ncodes: [E1, ../etc, 'two words']", "x\n")
                .page("en/b.md", "title: B", "Text.\n\n## Q? {#q codes=E2,E2 colour=red}\n");
        assertThat(messages(load())).containsExactly(
                "en/a.md:3: error: error code '../etc' is not valid: use letters, digits, '_', '-' and '.', starting"
                        + " with a letter or digit (at most 64), such as E1023 or WD-LIMIT",
                "en/a.md:3: error: error code 'two words' is not valid: use letters, digits, '_', '-' and '.', starting"
                        + " with a letter or digit (at most 64), such as E1023 or WD-LIMIT",
                "en/b.md:6: warning: unknown heading attribute 'colour=red': Pharos understands"
                        + " {#anchor codes=CODE1,CODE2}; it is ignored",
                "en/b.md:6: error: error code E2 is named twice in this file (also on line 6); keep one");
    }

    @Test
    void aCodeClaimedByTwoPagesOfOneLocaleIsAnErrorNamingBoth() {
        TestSites.at(dir)
                .page("en/a.md", "title: A\ncodes: [E1]", "x\n")
                .page("en/b.md", "title: B", "Intro.\n\n## Q {#q codes=e1}\n")
                .page("zh-CN/a.md", "title: 甲\ncodes: [E1]", "x\n");
        assertThat(messages(load())).containsExactly("en/b.md:6: error: error code E1 is also claimed by en/a.md:3;"
                + " a code leads to one place per language, so remove it from one of them");
    }

    @Test
    void sectionsCannotClaimCodesAndFallbackPagesDoNotCopyThem() {
        TestSites.at(dir)
                .page("en/topic/_index.md", "title: Topic\ncodes: [E5]", "")
                .page("en/topic/a.md", "title: A\ncodes: [E6]", "x\n")
                .file("zh-CN/topic/_index.md", "---\ntitle: 主题\n---\n");
        Site site = load();
        assertThat(messages(site)).containsExactly("en/topic/_index.md:3: warning: error codes on a section or home page"
                + " are ignored; put them on the article that explains the error");
        assertThat(site.page("en", "topic").orElseThrow().codes()).isEmpty();
        assertThat(site.page("zh-CN", "topic/a").orElseThrow().fallback()).isTrue();
        assertThat(site.page("zh-CN", "topic/a").orElseThrow().codes()).isEmpty();
    }
}
