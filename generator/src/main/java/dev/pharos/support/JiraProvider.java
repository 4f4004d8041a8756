package dev.pharos.support;

import java.util.Map;

/**
 * A Jira Service Management portal's request form:
 * {@code {base}/servicedesk/customer/portal/{portalId}/create/{requestTypeId}}. It has no documented way to prefill
 * fields, so the page shows the draft with a copy button beside the link.
 *
 * @param base          {@code https://tidewell.atlassian.net}
 * @param portalId      the portal (service project) number
 * @param requestTypeId the default request type
 * @param categories    per-category request types, by category id
 */
public record JiraProvider(String base, String portalId, String requestTypeId, Map<String, Category> categories)
        implements TicketProvider {

    /** @param requestTypeId the request type for this category, or empty for the default */
    public record Category(String requestTypeId) {
        public Category {
            requestTypeId = Values.text(requestTypeId);
        }
    }

    public JiraProvider {
        base = Values.text(base).replaceAll("/+$", "");
        portalId = Values.text(portalId);
        requestTypeId = Values.text(requestTypeId);
        categories = Values.sorted(categories);
    }

    @Override
    public String build(TicketDraft draft) {
        Category category = categories.get(draft.category());
        String type = Values.firstNonEmpty(category == null ? "" : category.requestTypeId(), requestTypeId);
        return base + "/servicedesk/customer/portal/" + Percent.component(portalId) + "/create/"
                + Percent.component(type);
    }

    @Override
    public boolean prefills() {
        return false;
    }
}
