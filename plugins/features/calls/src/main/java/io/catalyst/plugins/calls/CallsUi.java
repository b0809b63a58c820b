package io.catalyst.plugins.calls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Pieces the calls screens share: links, rows that wrap on phones, figures in words, the period choice. */
final class CallsUi {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private CallsUi() {
    }

    static Div screen(String id) {
        Div screen = new Div();
        screen.setId(id);
        screen.getStyle().set("max-width", "1100px");
        return screen;
    }

    static String callRoute(UUID id) {
        return "plugins/calls/call?id=" + id;
    }

    /** A link the router follows without reloading the page. */
    static Anchor link(String route, String text) {
        Anchor a = new Anchor(route, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    /** A flex row that wraps on narrow screens. */
    static Div row() {
        Div d = new Div();
        d.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("align-items", "baseline");
        return d;
    }

    /** A figure with its label, for the rows of tiles at the top of a screen. */
    static Div tile(String id, String label, String value, String hint) {
        Div tile = new Div();
        tile.setId(id);
        tile.addClassName("calls-tile");
        tile.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "8em").set("flex", "1 1 8em");
        Span l = new Span(label);
        l.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.addClassName("calls-tile-value");
        v.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        tile.add(l, v);
        if (hint != null) {
            tile.getElement().setAttribute("title", hint);
        }
        return tile;
    }

    static Div tiles(Component... tiles) {
        Div row = new Div(tiles);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("margin", "var(--lumo-space-m) 0");
        return row;
    }

    static String duration(Integer seconds) {
        if (seconds == null) {
            return "–";
        }
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60) : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String clock(long ms) {
        return duration((int) (ms / 1000));
    }

    static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }

    static String number(Double v, int decimals) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ENGLISH, "%." + decimals + "f", v);
    }

    static String when(java.time.OffsetDateTime at, ZoneId zone) {
        return WHEN.format(at.atZoneSameInstant(zone));
    }

    /** The deal's result as a coloured badge. */
    static Span deal(SalesCall c) {
        String result = c.dealResult();
        Span s = new Span(result == null ? "no deal" : result.equals("open") ? "open deal" : "deal " + result);
        s.getElement().getThemeList().add("badge " + (result == null ? "contrast" : switch (result) {
            case "won" -> "success";
            case "lost" -> "error";
            default -> "";
        }));
        return s;
    }

    static Span score(Double score) {
        Span s = new Span(score == null ? "–" : Math.round(score) + "%");
        s.getElement().getThemeList().add("badge pill " + (score == null ? "contrast" : score >= 70 ? "success"
                : score >= 40 ? "" : "error"));
        s.getElement().setAttribute("title", "Scorecard");
        return s;
    }

    /** How far back a screen looks: the last 7, 30, 90 or 365 days, today included. */
    static Select<Integer> days(int initial) {
        Select<Integer> days = new Select<>();
        days.setLabel("Period");
        days.setItems(7, 30, 90, 365);
        days.setItemLabelGenerator(d -> "Last " + d + " days");
        days.setValue(initial);
        return days;
    }

    static java.time.Instant[] range(LocalDate today, int days, ZoneId zone) {
        return new java.time.Instant[] {today.minusDays(days - 1L).atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant()};
    }

    /** The side colours: blue for the rep, orange for the customer, readable on light and dark themes. */
    static final String REP_COLOUR = "#2f6fdb";
    static final String CUSTOMER_COLOUR = "#e08a1e";

    /** A rep as people say it: "lena.novak@northwind.example" → "Lena Novak"; a name stays as it is. */
    static String repName(String rep) {
        if (rep == null || rep.isBlank()) {
            return "–";
        }
        int at = rep.indexOf('@');
        if (at <= 0) {
            return rep;
        }
        StringBuilder name = new StringBuilder();
        for (String part : rep.substring(0, at).split("[._-]+")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1));
            }
        }
        return name.isEmpty() ? rep : name.toString();
    }

    /** A CRM deal stage in words: HubSpot's ids and anything else made readable. */
    static String stage(String stage) {
        if (stage == null) {
            return null;
        }
        return switch (stage) {
            case "appointmentscheduled" -> "appointment scheduled";
            case "qualifiedtobuy" -> "qualified to buy";
            case "presentationscheduled" -> "presentation scheduled";
            case "decisionmakerboughtin" -> "decision maker bought in";
            case "contractsent" -> "contract sent";
            case "closedwon" -> "closed won";
            case "closedlost" -> "closed lost";
            default -> stage.replace('_', ' ');
        };
    }

    static String amount(java.math.BigDecimal amount) {
        return amount == null ? null : java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH).format(amount);
    }

    static String side(String side) {
        return "REP".equals(side) ? "Rep" : "CUSTOMER".equals(side) ? "Customer" : "Either side";
    }
}
