package dev.pharos.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.Pharos;
import dev.pharos.TestSites;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pharos check} on error codes: one place per code and locale, every locale covered, anchors that exist. */
class CheckerCodesTest {

    @TempDir
    Path root;

    private CheckReport check() {
        return Pharos.check(CheckOptions.of(root).withGit(false).withToday(TestSites.TODAY));
    }

    private static List<String> lines(CheckReport report) {
        return report.findings().stream().filter(f -> f.check().equals("codes")).map(f -> f.problem().toString()).toList();
    }

    @Test
    void findsClaimsTwiceInALocaleTranslationGapsAndMissingAnchors() {
        TestSites.at(root)
                .file("pharos.yml", "locales: [en, zh-CN]\n")
                .page("en/money/_index.md", "title: Money", "")
                .page("en/money/limits.md", "title: Limits\ncodes: [E1, E2]", "## Daily limit\n")
                .page("en/money/faq.md", "title: FAQ\ntype: faq", "## Why? {#why codes=e1}\n\nBecause.\n\n"
                        + "## Where is <abbr>BTC</abbr>? {codes=E3}\n")
                .page("en/money/frozen.md", "title: Frozen\ncodes: [E4]", "Text.\n")
                .page("zh-CN/money/_index.md", "title: 资金", "")
                .page("zh-CN/money/limits.md", "title: 限额\ncodes: [E1]", "正文。\n")
                .page("zh-CN/money/faq.md", "title: 常见问题\ntype: faq", "## 为什么？ {#why codes=E3,E5}\n");
        CheckReport report = check();
        assertThat(lines(report)).containsExactly(
                // The translation lacks a code its source has (or the other way round): a warning where to add it.
                "en/money/faq.md:1: warning: error code E5 is on zh-CN/money/faq.md:5 but not in this translation;"
                        + " add it to 'codes' or to the matching heading ({#anchor codes=E5})",
                // HTML in the heading: the anchor Pharos guessed is not the heading's; the writer names one.
                "en/money/faq.md:9: warning: error code E3 leads to '#where-is-abbrbtcabbr', which is not on the page;"
                        + " give the heading that anchor with {#where-is-abbrbtcabbr codes=E3}",
                // No translation at all: readers get the fallback page, and the writer a reminder.
                "en/money/frozen.md:3: warning: error code E4 has no zh-CN page: /zh-CN/go/E4/ falls back to this page;"
                        + " translate it and keep the code",
                // Two places in one locale: an error at one, naming the other with its line.
                "en/money/limits.md:3: error: error code E1 is also claimed by en/money/faq.md:5; a code leads to one"
                        + " place per language, so remove it from one of them",
                "zh-CN/money/limits.md:3: warning: error code E2 is on en/money/limits.md:3 but not in this translation;"
                        + " add it to 'codes' or to the matching heading ({#anchor codes=E2})");
        assertThat(report.failed()).isTrue();
    }

    @Test
    void linksToCodePagesAreNotBroken() {
        TestSites.at(root)
                .page("en/money/_index.md", "title: Money", "")
                .page("en/money/limits.md", "title: Limits\ncodes: [E1]", "Text.\n")
                .page("en/money/other.md", "title: Other", "See [the limit](/en/go/E1/) and [any language](/go/E1/).\n");
        CheckReport report = check();
        assertThat(report.findings()).isEmpty();
    }
}
