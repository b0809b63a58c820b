package io.catalyst.plugins.scoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.pf4j.Extension;

/** The company's leads, best score first, each with its score, band and the strongest reason. */
@Extension
public class LeadsScreen implements UiScreen {

    static final int PAGE = 50;

    @Override
    public String route() {
        return "leads";
    }

    @Override
    public String title() {
        return "Lead scores";
    }

    @Override
    public String navIcon() {
        return "vaadin:star";
    }

    @Override
    public String requiredPermission() {
        return ScoringExtensions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = ScoringUi.screen("scoring-leads");
        Models.Current model = Models.current(ctx);
        Paragraph about = new Paragraph(model.describe() + (Models.championVersion(ctx).isPresent() ? ""
                : " " + Models.trainingMessage(ctx)));
        about.setId("scoring-model-line");
        Paragraph crm = new Paragraph(crmLine(CrmSync.summary(ctx)));
        crm.setId("scoring-crm-line");
        crm.getStyle().set("color", "var(--lumo-secondary-text-color)");
        TextField search = new TextField();
        search.setPlaceholder("Name, company or email");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("scoring-search");
        Select<String> band = new Select<>();
        band.setItems("All", "Hot", "Warm", "Cold");
        band.setValue("All");
        band.setId("scoring-band");
        int horizon = ScoringSettings.of(ctx).horizonDays();
        Select<String> when = new Select<>();
        String recent = "Came in the last " + horizon + " days";
        when.setItems(recent, "Came in any time");
        when.setValue(recent);
        when.setId("scoring-when");
        Div list = new Div();
        list.setId("scoring-lead-list");
        Runnable refresh = () -> fill(ctx, model, list, search.getValue(), band.getValue(),
                recent.equals(when.getValue()) ? Instant.now().minus(java.time.Duration.ofDays(horizon)) : null);
        search.addValueChangeListener(e -> refresh.run());
        band.addValueChangeListener(e -> refresh.run());
        when.addValueChangeListener(e -> refresh.run());
        Div filters = ScoringUi.row();
        filters.add(search, band, when);
        screen.add(new H2("Lead scores"), about, crm, filters);
        if (ctx.isPermitted(ScoringExtensions.WRITE)) {
            screen.add(importer(ctx, refresh));
        }
        screen.add(list);
        refresh.run();
        return screen;
    }

    /** An upload of a CSV file of leads, with the report of the rows left out. */
    private static Details importer(PluginContext ctx, Runnable refresh) {
        Div report = new Div();
        report.setId("scoring-import-report");
        AtomicReference<byte[]> file = new AtomicReference<>();
        Upload upload = new Upload(UploadHandler.inMemory((meta, data) -> file.set(data)));
        upload.setId("scoring-import");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setDropLabel(new Span("Drop a CSV file of leads here: a header row with at least an email column"));
        upload.addAllFinishedListener(done -> {
            byte[] data = file.getAndSet(null);
            upload.clearFileList();
            report.removeAll();
            if (data == null) {
                return;
            }
            report.add(report(ctx, new String(data, StandardCharsets.UTF_8)));
            refresh.run();
        });
        Details details = new Details("Import leads from a CSV file", new Div(upload, report));
        details.setId("scoring-import-details");
        return details;
    }

    private static Div report(PluginContext ctx, String csv) {
        Div out = new Div();
        CsvImport.Result read;
        try {
            read = CsvImport.read(csv, ctx.tenant().timezone(), Instant.now());
        } catch (CsvImport.BadFile e) {
            out.add(new Paragraph("Nothing was imported: " + e.getMessage()));
            return out;
        }
        List<Leads.Lead> changed = Scoring.importLeads(ctx, read);
        out.add(new Paragraph(read.leads().size() + " leads imported and scored ("
                + (read.leads().size() - changed.size()) + " were already here unchanged)"
                + (read.ignoredColumns().isEmpty() ? "." : "; columns not read: "
                + String.join(", ", read.ignoredColumns()) + ".")));
        if (!read.errors().isEmpty()) {
            out.add(new Paragraph(read.errors().size() + " rows were left out:"));
            for (CsvImport.RowError e : read.errors().subList(0, Math.min(50, read.errors().size()))) {
                Div line = new Div(new Span("Line " + e.line() + ": " + e.message()));
                line.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
                out.add(line);
            }
        }
        return out;
    }

    static void fill(PluginContext ctx, Models.Current model, Div list, String search, String band, Instant since) {
        list.removeAll();
        Integer[] range = model.range(band == null ? "All" : band);
        List<Leads.Lead> leads = Leads.page(ctx, range[0], range[1], search, since, PAGE, 0);
        if (leads.isEmpty()) {
            boolean none = (search == null || search.isBlank()) && "All".equals(band) && Leads.count(ctx) == 0;
            list.add(none ? new EmptyState(VaadinIcon.STAR, "No leads yet",
                    "Leads come in from your CRM connection (HubSpot) as it syncs, or from your web forms through the"
                            + " intake: POST /api/plugins/scoring/leads with a token that holds scoring:intake.")
                    : new EmptyState(VaadinIcon.SEARCH, "No lead matches", "Try another name, band or time."));
            return;
        }
        for (Leads.Lead lead : leads) {
            list.add(row(lead, model));
        }
    }

    private static Div row(Leads.Lead lead, Models.Current model) {
        Div row = ScoringUi.row();
        row.addClassName("scoring-lead");
        row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        String who = lead.name() != null ? lead.name() : lead.email() != null ? lead.email() : lead.externalId();
        Div name = new Div(ScoringUi.link(ScoringUi.leadRoute(lead.id()), who));
        name.getStyle().set("min-width", "12em").set("flex", "1 1 12em");
        if (lead.company() != null) {
            Span company = new Span(lead.company());
            company.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            name.add(company);
        }
        Div why = new Div();
        why.getStyle().set("flex", "2 1 16em").set("font-size", "var(--lumo-font-size-s)");
        lead.reasons().stream().limit(2).forEach(r -> {
            Span s = ScoringUi.reason(r);
            s.getStyle().set("display", "block");
            why.add(s);
        });
        row.add(ScoringUi.score(lead.points(), lead.points() == null ? null : model.band(lead.points())), name, why);
        if (lead.convertedAt() != null) {
            Span won = new Span("Converted");
            won.getElement().getThemeList().add("badge success");
            row.add(won);
        }
        return row;
    }

    /** Where writing scores back to the CRM stands, in a sentence. */
    static String crmLine(CrmSync.Summary s) {
        if (!s.enabled()) {
            return "Scores are not written to your CRM: that is turned off in the plugin's settings.";
        }
        if (s.targets().isEmpty()) {
            return "Scores stay in Catalyst: no connection accepts them yet (a HubSpot connection does).";
        }
        String names = String.join(", ", s.targets().stream().map(t -> ScoringUi.sourceName(t.source()) + " ("
                + t.name() + ")").toList());
        String line = String.format(java.util.Locale.ENGLISH, "Scores written to %s: %,d", names, s.written());
        if (s.refused() > 0) {
            line += String.format(java.util.Locale.ENGLISH, ", %,d refused", s.refused());
        }
        if (s.waiting() > 0) {
            line += String.format(java.util.Locale.ENGLISH, ", %,d waiting for the next run (every 15 minutes)",
                    s.waiting());
        }
        return line + ".";
    }
}
