package dev.pharos.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pharos.content.LocaleInfo;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    private final Analysis english = new Analysis(Analysis.Kind.ENGLISH);
    private final Analysis cjk = new Analysis(Analysis.Kind.CJK);
    private final Analysis standard = new Analysis(Analysis.Kind.STANDARD);

    @Test
    void englishStemsDropsStopWordsAndPossessives() {
        assertThat(english.terms("The user's withdrawals are pending")).containsExactly("user", "withdraw", "pend");
        assertThat(english.term("withdrawals")).isEqualTo("withdraw");
        assertThat(english.term("withdrawal")).isEqualTo("withdraw");
        assertThat(english.term("the")).isNull();
    }

    @Test
    void surfacesAreWhatReadersTypeNormalized() {
        // Full-width letters, capitals and accents fold; the stem is not applied yet.
        assertThat(english.surfaces("ＡＰＩ Café Withdrawals")).containsExactly("api", "cafe", "withdrawals");
        assertThat(english.surfaces("e.g. node.js v1.2.3 don't")).containsExactly("e.g", "node.js", "v1.2.3", "don't");
    }

    @Test
    void chineseBecomesOverlappingBigramsAndALoneCharacterAUnigram() {
        assertThat(cjk.terms("提币一直没到账")).containsExactly("提币", "币一", "一直", "直没", "没到", "到账");
        assertThat(cjk.terms("币 USDT")).containsExactly("币", "usdt");
        // Bigrams never cross a break: a space or Latin text between Han characters ends the run.
        assertThat(cjk.terms("提币 到账")).containsExactly("提币", "到账");
        assertThat(cjk.terms("充值USDT到账")).containsExactly("充值", "usdt", "到账");
    }

    @Test
    void englishLocalesBigramChineseTooAndChineseLocalesKeepLatinWordsWhole() {
        assertThat(english.terms("Search 提币 help")).containsExactly("search", "提币", "help");
        assertThat(cjk.terms("Kitex 超时控制 retries")).containsExactly("kitex", "超时", "时控", "控制", "retries");
        assertThat(standard.terms("the retries")).containsExactly("the", "retries");
    }

    @Test
    void theAnalyzerComesFromTheConfigElseTheLanguage() {
        assertThat(Analysis.Kind.of(new LocaleInfo("en", "en", "English", false, null))).isEqualTo(Analysis.Kind.ENGLISH);
        assertThat(Analysis.Kind.of(new LocaleInfo("zh-CN", "zh-CN", "简体中文", false, null))).isEqualTo(Analysis.Kind.CJK);
        assertThat(Analysis.Kind.of(new LocaleInfo("ja", "ja", "日本語", false, null))).isEqualTo(Analysis.Kind.CJK);
        assertThat(Analysis.Kind.of(new LocaleInfo("de", "de", "Deutsch", false, null))).isEqualTo(Analysis.Kind.STANDARD);
        assertThat(Analysis.Kind.of(new LocaleInfo("de", "de", "Deutsch", false, "english"))).isEqualTo(Analysis.Kind.ENGLISH);
        assertThat(Analysis.Kind.parse("CJK")).contains(Analysis.Kind.CJK);
        assertThat(Analysis.Kind.parse("klingon")).isEmpty();
    }

    @Test
    void optionalWordsAreAnalyzedLikeTheIndex() {
        assertThat(english.optionalWords()).contains("how", "doe", "my").doesNotContain("does", "withdraw");
        assertThat(cjk.optionalWords()).contains("怎么", "为什", "什么", "一直", "要多", "多久").doesNotContain("提币", "时间");
        assertThat(english.stopWords()).contains("the", "and").isSorted();
    }
}
