package io.catalyst.plugins.calls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.UserInfo;
import io.catalyst.api.ui.UiScreen;
import io.catalyst.api.ui.kit.EmptyState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.pf4j.Extension;

/** The company's sales calls: the period's figures and the calls, newest first, each opening its audit page. */
@Extension
public class CallsScreen implements UiScreen {

    static final int PAGE = 200;

    @Override
    public String route() {
        return "calls";
    }

    @Override
    public String title() {
        return "Sales calls";
    }

    @Override
    public String navIcon() {
        return "vaadin:phone";
    }

    @Override
    public String requiredPermission() {
        return Calls.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        Div screen = CallsUi.screen("calls-screen");
        ZoneId zone = ctx.tenant().timezone();
        Select<Integer> days = CallsUi.days(30);
        days.setId("calls-period");
        ComboBox<String> rep = new ComboBox<>("Rep");
        rep.setId("calls-rep");
        rep.setClearButtonVisible(true);
        rep.setItemLabelGenerator(CallsUi::repName);
        rep.setPlaceholder("Every rep");
        Div figures = new Div();
        Div list = new Div();
        list.setId("calls-list");
        Runnable refresh = () -> fill(ctx, zone, days.getValue(), rep.getValue(), figures, list);
        days.addValueChangeListener(e -> refresh.run());
        rep.addValueChangeListener(e -> refresh.run());
        rep.setItems(ctx.data().query("select distinct rep from sales_call where rep is not null order by rep")
                .stream().map(r -> (String) r.get("rep")).toList());
        Div filters = CallsUi.row();
        filters.add(days, rep);
        Div links = CallsUi.row();
        links.add(CallsUi.link("plugins/calls/team", "Sales team"), CallsUi.link("plugins/calls/trackers",
                "Trackers"), CallsUi.link("plugins/calls/tests", "Call tests"), CallsUi.link("plugins/calls/prompts",
                "Sales prompts"));
        if (ctx.isPermitted(Calls.MANAGE)) {
            Button importing = new Button("Import a call", VaadinIcon.UPLOAD.create(),
                    e -> importDialog(ctx, refresh).open());
            importing.setId("calls-import");
            importing.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            filters.add(importing);
        }
        screen.add(new H2("Sales calls"), links, filters, figures, list);
        refresh.run();
        return screen;
    }

    private static void fill(PluginContext ctx, ZoneId zone, int days, String rep, Div figures, Div list) {
        Instant[] range = CallsUi.range(ctx.metrics().today(), days, zone);
        List<SalesCall> calls = CallStore.list(ctx, range[0], range[1], rep, PAGE);
        figures.removeAll();
        list.removeAll();
        if (calls.isEmpty()) {
            list.add(new EmptyState(VaadinIcon.PHONE, "No calls in this period", "Calls come in from a call-tracking"
                    + " connection (CallRail) as it syncs, or import one with its transcript: AssemblyAI's or"
                    + " Deepgram's JSON, or text with speaker labels."));
            return;
        }
        Map<String, Object> totals = ctx.data().query("select count(*) as calls,"
                + " count(*) filter (where answered is not false) as answered,"
                + " count(*) filter (where metrics is not null) as analysed, avg(talk_ratio) as talk,"
                + " avg(score) as score, avg(patience_s) as patience, count(follow_up) as follow_ups"
                + " from sales_call where started_at >= ? and started_at < ? and (cast(? as text) is null or rep = ?)",
                OffsetDateTime.ofInstant(range[0], zone), OffsetDateTime.ofInstant(range[1], zone), rep, rep).get(0);
        long n = ((Number) totals.get("calls")).longValue();
        long answered = ((Number) totals.get("answered")).longValue();
        figures.add(CallsUi.tiles(
                CallsUi.tile("calls-count", "Calls", String.valueOf(n), null),
                CallsUi.tile("calls-answered", "Answered", CallsUi.percent(n == 0 ? null : (double) answered / n),
                        "Calls someone answered, of all calls"),
                CallsUi.tile("calls-analysed", "With transcript", String.valueOf(totals.get("analysed")), null),
                CallsUi.tile("calls-talk", "Rep talk ratio", CallsUi.percent(SalesCall.number(totals.get("talk"))),
                        "The rep's share of the talking time, averaged over calls"),
                CallsUi.tile("calls-score", "Scorecard", CallsUi.percent(SalesCall.number(totals.get("score")) == null
                        ? null : SalesCall.number(totals.get("score")) / 100), "Questions answered yes, averaged"),
                CallsUi.tile("calls-follow-ups", "Follow-ups asked", String.valueOf(totals.get("follow_ups")),
                        "Tasks asked for when a rep agreed a next step")));
        if (calls.size() == PAGE) {
            list.add(new Paragraph("The newest " + PAGE + " calls; narrow the period or pick a rep to see others."));
        }
        for (SalesCall c : calls) {
            list.add(row(c, zone));
        }
    }

    private static Div row(SalesCall c, ZoneId zone) {
        Div row = CallsUi.row();
        row.addClassName("calls-row");
        row.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Div who = new Div(CallsUi.link(CallsUi.callRoute(c.id()), c.customer()));
        who.getStyle().set("min-width", "12em").set("flex", "2 1 12em");
        Span when = new Span(CallsUi.when(c.startedAt(), zone) + " · " + CallsUi.duration(c.durationSeconds())
                + (c.direction() == null ? "" : " · " + c.direction()));
        when.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        who.add(when);
        Span rep = new Span(CallsUi.repName(c.rep()));
        if (c.rep() != null) {
            rep.getElement().setAttribute("title", c.rep());
        }
        rep.getStyle().set("flex", "1 1 9em");
        Span talk = new Span(Boolean.FALSE.equals(c.answered()) ? Objects.requireNonNullElse(c.outcome(), "missed")
                : c.hasTranscript() ? "Rep talked " + CallsUi.percent(c.talkRatio()) : "no transcript");
        talk.getStyle().set("flex", "0 1 9em");
        row.add(who, rep, talk, CallsUi.score(c.score()), CallsUi.deal(c));
        return row;
    }

    /** Import: a transcript file and what is known of the call. */
    private static Dialog importDialog(PluginContext ctx, Runnable refresh) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Import a call");
        dialog.setWidth("min(600px, 95vw)");
        AtomicReference<String> transcript = new AtomicReference<>();
        Span file = new Span("No file yet");
        file.setId("calls-import-file-name");
        AtomicReference<String> name = new AtomicReference<>();
        Upload upload = new Upload(UploadHandler.inMemory((meta, data) -> {
            transcript.set(new String(data, StandardCharsets.UTF_8));
            name.set(meta.fileName());
        }));
        upload.addAllFinishedListener(done -> file.setText(name.get() == null ? "No file yet" : name.get()));
        upload.setId("calls-import-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setAcceptedFileTypes(".json", ".txt", "application/json", "text/plain");
        upload.setDropLabel(new Span("Drop the transcript: AssemblyAI or Deepgram JSON, or text with speaker labels"));
        Select<String> format = new Select<>();
        format.setLabel("Format");
        format.setItems("auto", "assemblyai", "deepgram", "text");
        format.setItemLabelGenerator(f -> switch (f) {
            case "assemblyai" -> "AssemblyAI JSON";
            case "deepgram" -> "Deepgram JSON";
            case "text" -> "Text with speaker labels";
            default -> "Detect it";
        });
        format.setValue("auto");
        Select<String> direction = new Select<>();
        direction.setLabel("Direction");
        direction.setItems("inbound", "outbound");
        direction.setValue("inbound");
        TextField rep = new TextField("Rep (email)");
        rep.setId("calls-import-rep");
        rep.setValue(ctx.user().map(UserInfo::email).orElse(""));
        TextField repSpeaker = new TextField("Rep's speaker label");
        repSpeaker.setHelperText("e.g. A, 0 or Maya; empty: worked out from the direction");
        TextField customer = new TextField("Customer");
        TextField phone = new TextField("Customer's phone");
        TextField email = new TextField("Customer's email");
        Paragraph error = new Paragraph();
        error.setId("calls-import-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Div form = new Div(upload, file, CallsUi.row(), error);
        Div fields = CallsUi.row();
        fields.add(format, direction, rep, repSpeaker, customer, phone, email);
        form.add(fields);
        dialog.add(form);
        Button save = new Button("Import", e -> {
            if (transcript.get() == null) {
                error.setText("Choose a transcript file first.");
                return;
            }
            try {
                UUID id = Calls.importCall(ctx, new CallStore.Incoming(Calls.IMPORT, UUID.randomUUID().toString(),
                        null, OffsetDateTime.now(), null, direction.getValue(), Boolean.TRUE, blank(rep.getValue()),
                        blank(customer.getValue()), blank(phone.getValue()), blank(email.getValue()), null, null,
                        null, null, transcript.get(), "auto".equals(format.getValue()) ? null : format.getValue(),
                        blank(repSpeaker.getValue())));
                dialog.close();
                refresh.run();
                // the route and its query apart: navigate(String) would take "call?id=..." for the route
                UI.getCurrent().navigate("plugins/calls/call", com.vaadin.flow.router.QueryParameters.of("id",
                        id.toString()));
            } catch (PluginProblem p) {
                error.setText(p.detail());
            }
        });
        save.setId("calls-import-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
