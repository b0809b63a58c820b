package io.catalyst.core.mail;

import io.catalyst.core.web.Branding;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The HTML part of Catalyst's mails: the company's name on a band of its colour, the message, one button, and a
 * line of small print. Inline styles and tables only, as mail clients render nothing else reliably. Every text is
 * escaped here; a colour that is not {@code #rrggbb} falls back to Catalyst's blue, and text on the colour is white or
 * black, whichever reads better ({@link Branding}).
 */
public final class MailLayout {

    /** Catalyst's own colour, for mails of no company and companies without one. */
    static final String DEFAULT_COLOUR = "#1676f3";

    private MailLayout() {
    }

    /**
     * Whose mail it is.
     *
     * @param company the company's name, heading the mail; null for Catalyst's own mails
     * @param colour  the company's colour, or null
     * @param logo    the absolute address of the company's logo, or null
     */
    public record Brand(String company, String colour, String logo) {

        /** Catalyst's own mails (a password reset belongs to no company). */
        public static final Brand CATALYST = new Brand(null, null, null);
    }

    /** A line of a list in a mail (a digest's notifications): its words and where it leads, if anywhere. */
    public record Item(String text, String link) {
    }

    /**
     * @param brand      whose mail it is
     * @param paragraphs the message, one text per paragraph
     * @param action     the button's words
     * @param link       where it leads
     * @param smallPrint under the button, e.g. how long the link works
     */
    public static String page(Brand brand, List<String> paragraphs, String action, String link, String smallPrint) {
        return page(brand, paragraphs, List.of(), action, link, smallPrint);
    }

    /** As {@link #page(Brand, List, String, String, String)}, with a list under the paragraphs. */
    public static String page(Brand brand, List<String> paragraphs, List<Item> items, String action, String link,
                              String smallPrint) {
        Map<String, String> theme = Branding.of(brand.colour());
        String band = theme.getOrDefault("--lumo-primary-color", DEFAULT_COLOUR);
        String onBand = theme.getOrDefault("--lumo-primary-contrast-color", "#ffffff");
        String company = escape(brand.company() == null ? "Catalyst" : brand.company());
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html><html><body style=\"margin:0;padding:0;background:#f4f5f7;\">")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"")
                .append(" style=\"background:#f4f5f7;padding:24px 0;font-family:Arial,Helvetica,sans-serif;\"><tr>")
                .append("<td align=\"center\"><table role=\"presentation\" width=\"560\" cellpadding=\"0\"")
                .append(" cellspacing=\"0\" style=\"max-width:560px;width:100%;background:#ffffff;border-radius:8px;")
                .append("overflow:hidden;\"><tr><td style=\"background:").append(band)
                .append(";color:").append(onBand).append(";padding:16px 24px;font-size:18px;font-weight:bold;\">");
        if (brand.logo() != null && brand.logo().startsWith("http")) {
            // on white, so a logo drawn for a light page reads on any band colour
            html.append("<img src=\"").append(escape(brand.logo())).append("\" alt=\"\" height=\"32\"")
                    .append(" style=\"height:32px;vertical-align:middle;margin-right:12px;background:#ffffff;")
                    .append("border-radius:4px;padding:2px;\">");
        }
        html.append(company).append("</td></tr>")
                .append("<tr><td style=\"padding:24px;color:#1f2933;font-size:15px;line-height:1.5;\">");
        for (String paragraph : paragraphs) {
            html.append("<p style=\"margin:0 0 16px;\">").append(escape(paragraph)).append("</p>");
        }
        if (!items.isEmpty()) {
            html.append("<ul style=\"margin:0 0 16px;padding-left:20px;\">");
            for (Item item : items) {
                html.append("<li style=\"margin:0 0 8px;\">");
                if (item.link() != null) {
                    html.append("<a href=\"").append(escape(item.link())).append("\" style=\"color:")
                            .append(theme.getOrDefault("--lumo-primary-text-color", DEFAULT_COLOUR)).append(";\">")
                            .append(escape(item.text())).append("</a>");
                } else {
                    html.append(escape(item.text()));
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        html.append("<p style=\"margin:24px 0;\"><a href=\"").append(escape(link))
                .append("\" style=\"background:").append(band).append(";color:").append(onBand)
                .append(";text-decoration:none;")
                .append("padding:12px 20px;border-radius:6px;display:inline-block;font-weight:bold;\">")
                .append(escape(action)).append("</a></p>")
                .append("<p style=\"margin:0;color:#616e7c;font-size:13px;\">").append(escape(smallPrint))
                .append("</p></td></tr></table>")
                .append("<p style=\"color:#9aa5b1;font-size:12px;\">Sent by Catalyst</p></td></tr></table>")
                .append("</body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : StringEscapeUtils.escapeHtml4(text);
    }
}
