package io.catalyst.plugins.scoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import io.catalyst.plugins.scoring.model.Features;
import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.Reason;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pf4j.Extension;

/** One lead: "why 82?" in words, what is known of it, and how its score moved. Opened by its address. */
@Extension
public class LeadScreen implements UiScreen {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    @Override
    public String route() {
        return "lead";
    }

    @Override
    public String title() {
        return "Lead";
    }

    @Override
    public String navIcon() {
        return "vaadin:user-star";
    }

    @Override
    public boolean inNavigation() {
        return false;
    }

    @Override
    public String requiredPermission() {
        return ScoringExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        return create(ctx, Map.of());
    }

    @Override
    public Component create(PluginContext ctx, Map<String, List<String>> parameters) {
        Div screen = new Div();
        screen.setId("scoring-lead");
        screen.getStyle().set("max-width", "760px");
        UUID id = parameters.getOrDefault("id", List.of()).stream().findFirst().map(LeadScreen::uuid).orElse(null);
        Leads.Lead lead = id == null ? null : Leads.get(ctx, id).orElse(null);
        if (lead == null) {
            screen.add(new EmptyState(VaadinIcon.STAR, "No such lead", "It may have been removed, or the address is"
                    + " not one of your company's leads."));
            return screen;
        }
        ZoneId zone = ctx.tenant().timezone();
        Models.Current model = Models.current(ctx);
        String who = lead.name() != null ? lead.name() : lead.email() != null ? lead.email() : lead.externalId();
        Div head = ScoringUi.row();
        head.add(ScoringUi.score(lead.points(), lead.points() == null ? null : model.band(lead.points())), new H2(who));
        screen.add(ScoringUi.link("plugins/scoring/leads", "← All leads"), head);
        if (lead.company() != null || lead.email() != null) {
            screen.add(new Paragraph(String.join(" · ", java.util.stream.Stream.of(lead.company(), lead.email())
                    .filter(java.util.Objects::nonNull).toList())));
        }

        H3 why = new H3(lead.points() == null ? "Not scored yet" : "Why " + lead.points() + "?");
        why.setId("scoring-why");
        screen.add(why);
        if (lead.points() != null) {
            int horizon = ScoringSettings.of(ctx).horizonDays();
            boolean past = lead.convertedAt() == null
                    && lead.createdAt().isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(horizon)));
            Paragraph basis = new Paragraph(lead.probability() == null
                    ? lead.points() + " points from your points model (" + lead.model() + "): the criteria below"
                    + " matched."
                    : past ? "By model " + lead.model() + ", a lead like this one converts within " + horizon
                    + " days " + lead.points() + "% of the time; this one's " + horizon + " days have passed without"
                    + " a conversion."
                    : "A " + lead.points() + "% chance of converting within " + horizon + " days of coming in, by"
                    + " model " + lead.model() + ", trained on your company's past leads.");
            basis.getStyle().set("color", "var(--lumo-secondary-text-color)");
            screen.add(basis);
        }
        Div reasons = new Div();
        reasons.setId("scoring-reasons");
        for (Reason r : lead.reasons()) {
            Span s = ScoringUi.reason(r);
            s.getStyle().set("display", "block").set("padding", "var(--lumo-space-xs) 0");
            reasons.add(s);
        }
        screen.add(reasons);

        screen.add(new H3("What we know"));
        screen.add(facts(lead, zone));
        screen.add(quality(ctx, lead));
        Map<String, Object> crm = CrmSync.ofLead(ctx, lead.id());
        if (crm != null) {
            Paragraph sent = new Paragraph(crm.get("written_at") != null
                    ? "In " + ScoringUi.sourceName(lead.source()) + ": score " + crm.get("points") + " (" + crm.get("band")
                    + "), written " + WHEN.format(Leads.instant(crm.get("written_at")).atZone(zone)) + "."
                    : "Not written to " + ScoringUi.sourceName(lead.source()) + ": " + crm.get("error"));
            sent.setId("scoring-crm");
            screen.add(sent);
        }

        List<Leads.Change> changes = Leads.changes(ctx, lead.id(), 20);
        if (!changes.isEmpty()) {
            screen.add(new H3("Score history"));
            Div history = new Div();
            history.setId("scoring-history");
            for (Leads.Change c : changes) {
                Div line = new Div(new Span(WHEN.format(c.at().atZone(zone)) + ": "
                        + (c.from() == null ? "" : c.from() + " → ") + c.to() + " (" + c.model() + ")"));
                line.getStyle().set("font-size", "var(--lumo-font-size-s)");
                history.add(line);
            }
            screen.add(history);
        }
        return screen;
    }

    private static Div facts(Leads.Lead lead, ZoneId zone) {
        LeadFacts f = lead.facts();
        Div grid = new Div();
        grid.setId("scoring-facts");
        grid.getStyle().set("display", "grid").set("grid-template-columns", "minmax(8em, max-content) 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
        add(grid, "Came in", WHEN.format(lead.createdAt().atZone(zone)) + " from "
                + (f.channel() == null ? "an unknown source" : Features.channel(f.channel())));
        add(grid, "Job title", value(f.jobTitle()));
        if (lead.phone() != null) {
            add(grid, "Phone", lead.phone());
        }
        add(grid, "Company size", f.employees() == null ? "unknown" : f.employees() + " people");
        add(grid, "Industry", value(f.industry()));
        add(grid, "Country", value(f.country()));
        add(grid, "First form", value(f.form()));
        add(grid, "Pages viewed", f.pageViews() == null ? "unknown" : String.valueOf(f.pageViews()));
        add(grid, "Emails opened", f.emailOpens() == null ? "unknown" : String.valueOf(f.emailOpens()));
        add(grid, "Converted", lead.convertedAt() == null ? "not yet" : WHEN.format(lead.convertedAt().atZone(zone)));
        return grid;
    }

    /** The data's quality and the leads that look like the same person. */
    private static Div quality(PluginContext ctx, Leads.Lead lead) {
        Div box = new Div();
        box.setId("scoring-quality");
        if (lead.quality() == null) {
            return box;
        }
        box.add(new H3("Data quality " + lead.quality()));
        if (lead.qualityIssues().isEmpty()) {
            box.add(new Paragraph("Nothing missing or wrong."));
        }
        for (String issue : lead.qualityIssues()) {
            Div line = new Div(new Span("• " + issue));
            box.add(line);
        }
        for (Leads.Duplicate d : Leads.duplicates(ctx, lead.id(), 5)) {
            String who = d.name() != null ? d.name() : d.email() != null ? d.email() : "another lead";
            // the reason ends "... as <who>": the name becomes the link
            int as = d.reason().lastIndexOf(" as ");
            String said = as > 0 ? d.reason().substring(0, as + 4) : d.reason() + ": ";
            Div line = new Div(new Span("• " + said), ScoringUi.link(ScoringUi.leadRoute(d.id()), who),
                    new Span(" (from " + ScoringUi.sourceName(d.source()) + ")"));
            line.addClassName("scoring-duplicate");
            box.add(line);
        }
        return box;
    }

    private static void add(Div grid, String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        grid.add(l, new Span(value));
    }

    private static String value(String s) {
        return s == null ? "unknown" : s;
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
