package dev.pharos.support;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where "submit a ticket" goes: a help desk's new-request form, prefilled through its URL. Pure: a draft in, a URL
 * out. Each provider is also written to the browser's data file (as JSON with a {@code type}), where
 * {@code tickets.js} builds the same URL from the reader's own words.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ZendeskProvider.class, name = "zendesk"),
    @JsonSubTypes.Type(value = GitHubProvider.class, name = "github"),
    @JsonSubTypes.Type(value = JiraProvider.class, name = "jira"),
    @JsonSubTypes.Type(value = EmailProvider.class, name = "email"),
    @JsonSubTypes.Type(value = UrlTemplateProvider.class, name = "url"),
})
public sealed interface TicketProvider
        permits ZendeskProvider, GitHubProvider, JiraProvider, EmailProvider, UrlTemplateProvider {

    /** The URL with the whole draft, however long. */
    String build(TicketDraft draft);

    /** False when the form cannot be prefilled (Jira): the page then shows the text with a copy button. */
    default boolean prefills() {
        return true;
    }
}
