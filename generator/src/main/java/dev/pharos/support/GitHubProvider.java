package dev.pharos.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A GitHub repository's new-issue form: {@code {base}/issues/new?title=…&body=…&labels=a,b&template=…}.
 *
 * @param base       {@code https://github.com/owner/repo} (or a GitHub Enterprise server's)
 * @param labels     labels every issue gets
 * @param template   an issue template file name, or empty
 * @param categories per-category labels and template, by category id
 */
public record GitHubProvider(String base, List<String> labels, String template, Map<String, Category> categories)
        implements TicketProvider {

    /**
     * @param labels   labels added for this category
     * @param template another issue template, or empty
     */
    public record Category(List<String> labels, String template) {
        public Category {
            labels = Values.list(labels);
            template = Values.text(template);
        }
    }

    public GitHubProvider {
        base = Values.text(base).replaceAll("/+$", "");
        labels = Values.list(labels);
        template = Values.text(template);
        categories = Values.sorted(categories);
    }

    @Override
    public String build(TicketDraft draft) {
        Category category = categories.get(draft.category());
        Set<String> all = new LinkedHashSet<>(labels);
        if (category != null) {
            all.addAll(category.labels());
        }
        StringBuilder url = new StringBuilder(base).append("/issues/new");
        Values.param(url, "title", draft.subject());
        Values.param(url, "body", draft.description());
        if (!all.isEmpty()) {
            // GitHub splits the list at commas, so each label is encoded and the separators are not.
            url.append(url.indexOf("?") < 0 ? '?' : '&').append("labels=")
                    .append(all.stream().map(Percent::component).collect(Collectors.joining(",")));
        }
        Values.param(url, "template", Values.firstNonEmpty(category == null ? "" : category.template(), template));
        return url.toString();
    }
}
