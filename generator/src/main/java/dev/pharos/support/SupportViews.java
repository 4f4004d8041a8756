package dev.pharos.support;

import java.util.List;

/**
 * What the support templates see under {@code support} (every page), {@code contact} (the contact page) and
 * {@code verify} (the official-channel checker). Data only; the markup is in the theme's {@code support-*} partials.
 */
public final class SupportViews {

    private SupportViews() {
    }

    /**
     * The {@code support} variable.
     *
     * @param configured  false when the site has no {@code support:} section
     * @param category    this page's ticket category with its link and checklist; null on generated pages or
     *                    when no categories are configured
     * @param notSolved   the same ticket, saying "this article did not solve my problem"; null when there is no link
     * @param channels    the channels relevant to this page, fastest first
     * @param showBanner  true on pages of urgent sections and on the contact page
     * @param emergency   the emergency banner's content, or null when none is configured
     * @param feedback    "Was this helpful?", or null where it does not apply
     * @param contactUrl  this locale's contact page
     * @param verifyUrl   this locale's official-channel checker
     */
    public record PageSupport(boolean configured, CategoryView category, TicketView notSolved,
            List<ChannelView> channels, boolean showBanner, EmergencyView emergency, FeedbackView feedback,
            String contactUrl, String verifyUrl) {
    }

    /** A ticket category in the reader's language, with its prefilled ticket and the details to prepare. */
    public record CategoryView(String id, String label, String description, List<DetailView> details,
            TicketView ticket) {
    }

    /** One item of the "have these ready" checklist. */
    public record DetailView(String id, String label, String hint, boolean attach) {
    }

    /**
     * A "submit a ticket" link.
     *
     * @param url      the provider's URL, prefilled when it can be
     * @param prefills false for Jira: the page shows {@code copyText} with a copy button
     * @param copyText subject and description, for pasting into a form that cannot be prefilled
     * @param mailto   true when the link opens the reader's mail program
     */
    public record TicketView(String url, boolean prefills, String subject, String description, String copyText,
            boolean mailto) {
    }

    /**
     * A contact channel in the reader's language.
     *
     * @param phoneHref {@code tel:+14155550100}, or empty
     * @param ticket    true for the ticket channel, whose link is this page's ticket link
     */
    public record ChannelView(String id, String type, String name, String url, String phone, String phoneHref,
            String hours, String timezone, String response, String note, boolean ticket) {

        /** The theme icon ({@code icons.svg#...}) for the channel's type. */
        public String icon() {
            return switch (type) {
                case "chat" -> "chat";
                case "ticket" -> "ticket";
                case "email" -> "mail";
                case "phone" -> "phone";
                case "social", "community" -> "megaphone";
                default -> "life-buoy";
            };
        }
    }

    /**
     * The emergency banner.
     *
     * @param triggers the words that show it above search results, as a JSON array (for a data attribute)
     */
    public record EmergencyView(String title, String text, String url, String linkText, String phone, String phoneHref,
            String articleUrl, String articleTitle, String triggers) {
    }

    /**
     * "Was this helpful?"
     *
     * @param endpoint where votes are sent with {@code navigator.sendBeacon}; empty for nowhere
     */
    public record FeedbackView(String pageId, String locale, String endpoint) {
    }

    /**
     * The contact page.
     *
     * @param categories every category with its ticket link and checklist (the no-JavaScript list)
     * @param channels   every channel of this locale, fastest first
     * @param dataUrl    the ticket data file the assistant builds links from, or empty without a provider
     */
    public record ContactView(List<CategoryView> categories, List<ChannelView> channels, String dataUrl,
            String provider, boolean prefills) {
    }

    /**
     * The official-channel checker page.
     *
     * @param official the official list as JSON, for the checker module
     * @param strings  the verdict texts as JSON ({@code support.verify.*} of the UI strings)
     */
    public record VerifyView(List<String> names, List<String> domains, List<EmailView> emails, List<HandleView> handles,
            List<PhoneView> phones, String official, String strings, boolean empty) {
    }

    /** An official email address, or a whole domain ({@code @example.com}: any address there). */
    public record EmailView(String address, boolean anyAddress) {
    }

    /** An official social handle. */
    public record HandleView(String platform, String handle, String url) {
    }

    /** An official phone number with its {@code tel:} link. */
    public record PhoneView(String number, String href) {
    }
}
