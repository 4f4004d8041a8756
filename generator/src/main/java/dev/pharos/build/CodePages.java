package dev.pharos.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.content.ErrorCode;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.Site;
import dev.pharos.html.FaqEntry;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.html.TocEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stable links for the error codes an app shows: {@code /<locale>/go/<CODE>/} redirects to the article or heading
 * that claims the code, {@code /go/<CODE>/} sends readers to their language the way the root page does, and
 * {@code /_pharos/codes.json} lists every code's target and title per locale. A locale where no page claims a code
 * leads to the same article in that locale (a translation or a fallback page), else to the other locale's page.
 */
final class CodePages {

    /** Where {@code codes.json} is written, under the base path. */
    static final String CODES_JSON = "_pharos/codes.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One code in one locale: where it leads and what that place is called. */
    record Target(String url, String title, Page page) {
    }

    private record Claim(Page page, ErrorCode code) {
    }

    private final BuildContext context;
    private final Site site;

    CodePages(BuildContext context) {
        this.context = context;
        this.site = context.site();
    }

    void write() throws PharosException {
        Map<String, Map<String, Target>> targets = targets();
        if (targets.isEmpty()) {
            return;
        }
        String base = site.config().basePath();
        Map<String, Map<String, Map<String, String>>> json = new TreeMap<>();
        for (Map.Entry<String, Map<String, Target>> code : targets.entrySet()) {
            List<Map<String, Object>> choices = new ArrayList<>();
            for (Map.Entry<String, Target> byLocale : code.getValue().entrySet()) {
                String locale = byLocale.getKey();
                Target target = byLocale.getValue();
                Map<String, Object> model = context.models().common(locale, context.models().pageView(target.page()),
                        target.page());
                model.put("target", target.url());
                model.put("title", target.title());
                model.put("code", code.getKey());
                context.write("redirect", locale, model, context.outputPath(base + locale + "/go/" + code.getKey() + "/"),
                        target.page().source() == null ? target.page().url() : target.page().source());

                LocaleInfo info = site.config().locale(locale).orElseThrow();
                Map<String, Object> choice = new LinkedHashMap<>();
                choice.put("code", locale);
                choice.put("label", info.label());
                choice.put("dir", info.dir());
                choice.put("url", target.url());
                choice.put("title", target.title());
                choices.add(choice);

                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("url", target.url());
                entry.put("title", target.title());
                json.computeIfAbsent(code.getKey(), c -> new TreeMap<>()).put(locale, entry);
            }
            String defaultLocale = site.config().defaultLocale();
            String url = base + "go/" + code.getKey() + "/";
            Map<String, Object> model = context.models().common(defaultLocale, context.models().generatedView("go",
                    defaultLocale, code.getKey(), "", url), null);
            model.put("code", code.getKey());
            model.put("choices", choices);
            context.write("go", defaultLocale, model, context.outputPath(url), "codes");
        }
        try {
            context.output().write(CODES_JSON, JSON.writeValueAsString(json) + "\n", "codes");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("codes are not serializable", e);
        }
    }

    /** Every claimed code, upper case and sorted, to its target in every locale (in the site's locale order). */
    Map<String, Map<String, Target>> targets() {
        Map<String, Map<String, Claim>> claims = new TreeMap<>();
        for (Page page : site.pages()) {
            if (page.fallback()) {
                continue;
            }
            for (ErrorCode code : page.codes()) {
                // The loader reports a code claimed twice in one locale; the first page (by file) keeps it.
                claims.computeIfAbsent(code.code(), c -> new LinkedHashMap<>()).merge(page.locale(),
                        new Claim(page, code), (a, b) -> a.page().source().compareTo(b.page().source()) <= 0 ? a : b);
            }
        }
        Map<String, Map<String, Target>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Claim>> code : claims.entrySet()) {
            Map<String, Target> byLocale = new LinkedHashMap<>();
            Claim source = code.getValue().getOrDefault(site.config().defaultLocale(),
                    site.config().locales().stream().map(l -> code.getValue().get(l.code()))
                            .filter(java.util.Objects::nonNull).findFirst().orElseThrow());
            for (LocaleInfo locale : site.config().locales()) {
                Claim own = code.getValue().get(locale.code());
                if (own != null) {
                    byLocale.put(locale.code(), target(own.page(), own.page(), own.code()));
                    continue;
                }
                // The same article in this locale (translated, or a fallback page with the source text), else the source.
                Page shown = site.page(locale.code(), source.page().id()).orElse(source.page());
                byLocale.put(locale.code(), target(shown, source.page(), source.code()));
            }
            out.put(code.getKey(), byLocale);
        }
        return out;
    }

    /**
     * @param shown  the page readers land on
     * @param source the page whose text claims the code (the same page, or the one {@code shown} falls back to)
     */
    private Target target(Page shown, Page source, ErrorCode code) {
        String anchor = code.anchor();
        boolean sameText = shown.contentLocale().equals(source.contentLocale());
        if (anchor.isEmpty() || !sameText) {
            return new Target(shown.url(), shown.title(), shown);
        }
        Optional<ProcessedHtml> body = context.processed(source);
        if (body.isPresent() && !body.get().anchors().contains(anchor)) {
            if (shown == source) {
                context.report(Problem.warning(source.source(), code.line(), "error code " + code.code()
                        + " leads to '#" + anchor + "', which is not on the page; give the heading that anchor with"
                        + " {#" + anchor + " codes=" + code.code() + "}"));
            }
            return new Target(shown.url(), shown.title(), shown);
        }
        String title = body.flatMap(b -> headingText(b, anchor)).orElse(shown.title());
        return new Target(shown.url() + "#" + anchor, title, shown);
    }

    private static Optional<String> headingText(ProcessedHtml body, String anchor) {
        for (FaqEntry entry : body.faq()) {
            if (entry.id().equals(anchor)) {
                return Optional.of(entry.question().strip());
            }
        }
        List<TocEntry> pending = new ArrayList<>(body.toc());
        while (!pending.isEmpty()) {
            TocEntry entry = pending.remove(0);
            if (entry.id().equals(anchor)) {
                return Optional.of(entry.text());
            }
            pending.addAll(entry.children());
        }
        return Optional.empty();
    }
}
