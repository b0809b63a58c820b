package io.catalyst.ui.integrations;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.settings.SettingField;
import io.catalyst.core.connect.ConnectionAuthorization;
import io.catalyst.core.connect.ConnectionSessions;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.connect.ConnectorRegistry;
import io.catalyst.core.connect.ShareLinks;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.sync.SyncRuns;
import io.catalyst.core.sync.SyncScheduler;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.CompanyTime;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The company's data sources: connect one (OAuth or an API key), pick its accounts and schedule, choose its settings
 * (what counts as a conversion), sync now or backfill, watch runs progress live (server push), read what went wrong
 * in plain words, share an authorisation link with the client's staff, and disconnect keeping or deleting the data.
 */
@Route(value = "integrations", layout = MainLayout.class)
@PageTitle("Integrations · Catalyst")
@io.catalyst.ui.shell.Navigation(title = "Integrations", icon = "vaadin:connect", order = 100)
@RequiresPermission(Permissions.CONNECTIONS_READ)
public class IntegrationsView extends Div implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    /** Outside a server (UI unit tests) one small thread pushes progress; in the server, the managed scheduler. */
    private static final ScheduledExecutorService FALLBACK_TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "integrations-progress");
        thread.setDaemon(true);
        return thread;
    });
    /** The schedules people choose from, minutes to label. */
    static final Map<Integer, String> SCHEDULES = schedules();

    private final transient Connections connections = Services.get(Connections.class);
    private final com.vaadin.flow.component.html.Paragraph noConnections =
            new com.vaadin.flow.component.html.Paragraph();
    private final transient ConnectionAuthorization authorization = Services.get(ConnectionAuthorization.class);
    private final transient ConnectionSessions sessions = Services.get(ConnectionSessions.class);
    private final transient ShareLinks shareLinks = Services.get(ShareLinks.class);
    private final transient ConnectorRegistry registry = Services.get(ConnectorRegistry.class);
    private final transient SyncScheduler scheduler = Services.get(SyncScheduler.class);
    private final transient SyncRuns runs = Services.get(SyncRuns.class);
    private final boolean manage = UserSession.permits(Permissions.CONNECTIONS_MANAGE);
    private final Grid<Connections.View> grid = new Grid<>();
    private final Grid<SyncRuns.Run> runGrid = new Grid<>();
    private final H3 runsTitle = new H3();
    private final Div banner = new Div();
    private UUID selected;
    private transient Map<String, List<SettingField>> declaredSettings = Map.of();
    private transient ScheduledFuture<?> ticking;
    private int ticks;

    public IntegrationsView() {
        addClassName("screen");
        setId("integrations");
        banner.setId("integrations-banner");
        add(new H2("Integrations"), banner);
        if (manage) {
            add(connectorPicker());
        }
        grid.setId("connection-grid");
        grid.addColumn(Connections.View::name).setHeader("Connection").setFlexGrow(2);
        grid.addColumn(Connections.View::connectorName).setHeader("Source").setAutoWidth(true);
        grid.addColumn(v -> v.accounts().size() + (v.accounts().size() == 1 ? " account" : " accounts"))
                .setHeader("Accounts").setAutoWidth(true);
        grid.addColumn(v -> SCHEDULES.getOrDefault(v.scheduleMinutes(), "every " + v.scheduleMinutes() + " min"))
                .setHeader("Schedule").setAutoWidth(true);
        // the status and the actions stay at the grid's end, frozen there, so that a phone (390 px) reaches them
        // without scrolling sideways: together they take at most about three quarters of a narrow screen
        grid.addComponentColumn(this::statusOf).setHeader("Status").setKey("status").setWidth("min(10em, 30vw)")
                .setFlexGrow(3).setFrozenToEnd(true);
        if (manage) {
            grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("min(22em, 42vw)")
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
        grid.addSelectionListener(pick -> pick.getFirstSelectedItem().ifPresent(v -> {
            selected = v.id();
            refreshRuns();
        }));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // statuses are sentences
        runsTitle.setId("runs-title");
        runGrid.setId("run-grid");
        java.time.ZoneId zone = CompanyTime.zone(tenantId());
        runGrid.addColumn(r -> CompanyTime.minute(r.createdAt(), zone)).setHeader("Queued").setAutoWidth(true);
        runGrid.addColumn(r -> r.kind().equals("BACKFILL") ? "Backfill " + r.from() + " – " + r.to()
                : r.trigger().equals("MANUAL") ? "Run now" : "Scheduled").setHeader("Sync").setAutoWidth(true);
        runGrid.addColumn(r -> runStatus(r)).setHeader("Status").setAutoWidth(true);
        runGrid.addColumn(SyncRuns.Run::records).setHeader("Records").setAutoWidth(true);
        runGrid.addColumn(SyncRuns.Run::pages).setHeader("Pages").setAutoWidth(true);
        runGrid.addColumn(r -> r.quarantined() == 0 ? "" : r.quarantined() + " set aside").setHeader("Bad records")
                .setAutoWidth(true);
        runGrid.addColumn(r -> r.durationSeconds() == null ? "" : duration(r.durationSeconds())).setHeader("Took")
                .setAutoWidth(true);
        runGrid.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Details").setFlexGrow(3);
        runGrid.setAllRowsVisible(true);
        runGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        noConnections.setId("no-connections");
        noConnections.setText(manage ? "No connections yet: connect a source above to bring its figures in."
                : "No connections yet: an admin of your company connects the sources.");
        add(noConnections, grid, runsTitle, runGrid);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        query.getSingleParameter("error").ifPresentOrElse(error -> show(error, true),
                () -> query.getSingleParameter("connection").ifPresent(id -> {
                    show("Connected. Now pick the accounts to sync.", false);
                    try {
                        connections.list(tenantId()).stream().filter(v -> v.id().toString().equals(id)).findFirst()
                                .ifPresent(this::pickAccounts);
                    } catch (ProblemException ignored) {
                        // the list below shows what is there
                    }
                }));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        // server push: progress of running syncs reaches the browser without reloading
        ticking = ticks().scheduleWithFixedDelay(() -> ui.access(() -> {
            // every 2 s while a sync waits or runs; now and then otherwise, for syncs the schedule starts
            if (busy() || ++ticks % 15 == 0) {
                refresh();
            }
        }), 2, 2, TimeUnit.SECONDS);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    // the server's managed scheduler runs the ticks with the application's context and stops them with it
    private static ScheduledExecutorService ticks() {
        try {
            return javax.naming.InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (javax.naming.NamingException notInAServer) {
            return FALLBACK_TICKS;
        }
    }

    private Component connectorPicker() {
        HorizontalLayout cards = new HorizontalLayout();
        cards.setId("connector-picker");
        cards.getStyle().set("flex-wrap", "wrap");
        // a connector the platform has not set up yet (its OAuth app) is not offered: it could only fail
        List<ConnectorRegistry.Available> available = registry.all().stream()
                .filter(a -> authorization.configured(a.connector())).toList();
        if (available.isEmpty()) {
            Span none = new Span("No connectors are installed on this platform yet. A platform admin adds them from"
                    + " the plugin catalogue.");
            none.setId("no-connectors");
            return none;
        }
        for (ConnectorRegistry.Available a : available) {
            Button connect = new Button("Connect " + a.connector().displayName(), click -> connect(a));
            connect.setId("connect-" + a.connector().id());
            cards.add(connect);
        }
        return cards;
    }

    private void connect(ConnectorRegistry.Available available) {
        if (!authorization.configured(available.connector())) {
            show(available.connector().displayName() + " cannot be connected yet: the platform's administrators"
                    + " have not set it up. Ask them to.", true);
            return;
        }
        if (available.connector().auth().kind() == AuthKind.API_KEY) {
            apiKeyDialog(available);
            return;
        }
        try {
            Connections.View created = connections.create(tenantId(), actorId(), UserSession.actor(),
                    new Connections.Draft(available.connector().id(), null, null, null, null, null, null, null));
            authorize(created);
        } catch (ProblemException e) {
            show(e.getMessage(), true);
        }
    }

    private void authorize(Connections.View connection) {
        try {
            var uri = authorization.authorize(tenantId(), actorId(), null, connection.id(), "/integrations");
            getUI().ifPresent(ui -> ui.getPage().setLocation(uri.toString()));
        } catch (ProblemException e) {
            show(e.getMessage(), true);
            refresh();
        }
    }

    private void apiKeyDialog(ConnectorRegistry.Available available) {
        new ApiKeyDialog(connections, available, created -> {
            refresh();
            pickAccounts(created);
        }).open();
    }

    private Component actions(Connections.View v) {
        HorizontalLayout row = new HorizontalLayout();
        row.setId("actions-" + v.id());
        if ("PENDING".equals(v.status()) || "NEEDS_REAUTH".equals(v.status())) {
            Button reconnect = new Button("PENDING".equals(v.status()) ? "Authorise" : "Reconnect",
                    click -> authorize(v));
            reconnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            reconnect.setId("reconnect-" + v.id());
            Button share = new Button("Share link", click -> shareLink(v));
            share.setId("share-" + v.id());
            row.add(reconnect, share);
        } else {
            Button sync = new Button("Run now", click -> {
                scheduler.runNow(tenantId(), v.id());
                Notification.show("Sync queued").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                selected = v.id();
                refresh();
            });
            sync.setId("sync-" + v.id());
            sync.setEnabled(!v.accounts().isEmpty() && "ACTIVE".equals(v.status()));
            row.add(sync, new Button("Accounts", click -> pickAccounts(v)),
                    new Button("Schedule", click -> schedule(v)), new Button("Backfill", click -> backfill(v)));
        }
        List<SettingField> declared = declaredSettings == null ? List.of()
                : declaredSettings.getOrDefault(v.connector(), List.of());
        if (!declared.isEmpty()) {
            Button settings = new Button("Settings", click -> settings(v, declared));
            settings.setId("settings-" + v.id());
            row.add(settings);
        }
        Button disconnect = new Button("Disconnect", click -> disconnect(v));
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disconnect.setId("disconnect-" + v.id());
        row.add(disconnect);
        row.setSpacing(false);
        row.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        row.getChildren().forEach(button -> ((Button) button).addThemeVariants(ButtonVariant.LUMO_SMALL));
        return row;
    }

    private void pickAccounts(Connections.View v) {
        List<ProviderAccount> accounts;
        try {
            accounts = sessions.providerAccounts(tenantId(), v.id());
        } catch (ProblemException | io.catalyst.runtime.PluginFailure e) {
            show("Could not list the accounts: " + e.getMessage(), true);
            return;
        }
        new AccountsDialog(connections, scheduler, v, accounts, () -> {
            selected = v.id();
            refresh();
        }).open();
    }

    private void schedule(Connections.View v) {
        new ScheduleDialog(connections, v, this::refresh).open();
    }

    private void settings(Connections.View v, List<SettingField> declared) {
        new ConnectionSettingsDialog(connections, v, declared, this::refresh).open();
    }

    private void backfill(Connections.View v) {
        new BackfillDialog(scheduler, v, () -> {
            selected = v.id();
            refresh();
        }).open();
    }

    private void shareLink(Connections.View v) {
        new ShareLinkDialog(shareLinks, v).open();
    }

    private void disconnect(Connections.View v) {
        new DisconnectDialog(connections, v, () -> {
            if (v.id().equals(selected)) {
                selected = null;
            }
            refresh();
        }, message -> show(message, true)).open();
    }

    private Component statusOf(Connections.View v) {
        Span status = new Span(describe(v));
        status.setId("status-" + v.id());
        status.getElement().getThemeList().add("badge " + switch (health(v)) {
            case GOOD -> "success";
            case WAITING -> "contrast";
            case BAD -> "error";
        });
        return status;
    }

    enum Health { GOOD, WAITING, BAD }

    /** Green only while the connection truly works: a failing first sync is not "Connected". */
    static Health health(Connections.View v) {
        if (!"ACTIVE".equals(v.status())) {
            return "PAUSED".equals(v.status()) ? Health.WAITING : Health.BAD;
        }
        String last = v.lastStatus();
        if (last == null || "SUCCEEDED".equals(last) || "QUEUED".equals(last) || "RUNNING".equals(last)) {
            return Health.GOOD;
        }
        return "RATE_LIMITED".equals(last) ? Health.WAITING : Health.BAD;
    }

    /** What a non-engineer needs to know about a connection, and what to do. */
    static String describe(Connections.View v) {
        switch (v.status()) {
            case "PENDING":
                return "Not authorised yet: choose Authorise, or share a link with the client.";
            case "NEEDS_REAUTH":
                // the provider's own reason (e.g. Google's NOT_ADS_USER) tells which sign-in to reconnect with
                return v.connectorName() + " no longer accepts this connection's sign-in, so its figures have"
                        + " stopped updating. Choose Reconnect." + (blank(v.lastError()) ? ""
                        : " (" + v.lastError() + ")");
            case "PAUSED":
                return "Paused.";
            default:
                break;
        }
        if (v.accounts().isEmpty()) {
            return "Connected. Pick the accounts to sync.";
        }
        String last = v.lastStatus();
        String when = v.lastSyncAt() == null ? "" : " " + ago(v.lastSyncAt());
        if (last == null || "QUEUED".equals(last) || "RUNNING".equals(last)) {
            if (v.lastSyncAt() == null) {
                return "RUNNING".equals(last) ? "Connected. The first sync is running."
                        : "Connected. The first sync starts shortly.";
            }
        }
        if ("SUCCEEDED".equals(last) || last == null || "QUEUED".equals(last) || "RUNNING".equals(last)) {
            return "Up to date: last synced" + when + ".";
        }
        if ("RATE_LIMITED".equals(last)) {
            // the provider's reason and when the sync resumes, as the queue wrote them
            return v.connectorName() + " asked us to wait" + when + (blank(v.lastError())
                    ? "; the sync continues by itself." : ": " + v.lastError());
        }
        String what = v.lastSyncAt() == null ? "The first sync" : "The last sync" + when;
        if ("STOPPED".equals(last)) {
            return what + " stopped: " + reason(v);
        }
        return what + " did not finish: " + reason(v) + " It is retried automatically.";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank() || text.equals("null");
    }

    // the provider's reason as the sync wrote it; never the word "null"
    private static String reason(Connections.View v) {
        if (blank(v.lastError())) {
            return v.connectorName() + " gave no reason.";
        }
        String said = v.lastError().trim().replaceAll(":\\s*null\\.?$", ".");
        return said.endsWith(".") ? said : said + ".";
    }

    private static String runStatus(SyncRuns.Run r) {
        switch (r.status()) {
            case "QUEUED":
                return "Waiting";
            case "RUNNING":
                return "Running" + (r.stream() == null ? "" : ": " + r.stream().replace('_', ' '));
            case "RETRY":
                return "Will retry";
            case "SUCCEEDED":
                return "Done";
            default:
                return "Failed";
        }
    }

    private boolean busy() {
        return runGrid.getListDataView().getItems().anyMatch(r -> Set.of("QUEUED", "RUNNING", "RETRY")
                .contains(r.status()));
    }

    private void refresh() {
        List<Connections.View> all = connections.list(tenantId());
        if (manage) {
            // what each connector lets a connection choose, asked once per refresh rather than once per row
            Map<String, List<SettingField>> declared = new HashMap<>();
            registry.all().forEach(a -> declared.put(a.connector().id(), a.connector().connectionSettings()));
            declaredSettings = declared;
        }
        grid.setItems(all);
        // an empty list says so, instead of two empty grids
        grid.setVisible(!all.isEmpty());
        runGrid.setVisible(!all.isEmpty());
        noConnections.setVisible(all.isEmpty());
        if (selected == null && !all.isEmpty()) {
            selected = all.get(0).id();
        }
        refreshRuns();
    }

    private void refreshRuns() {
        if (selected == null) {
            runsTitle.setText("");
            runGrid.setItems(List.of());
            return;
        }
        try {
            Connections.View v = connections.get(tenantId(), selected);
            runsTitle.setText("Recent syncs of " + v.name());
            runGrid.setItems(runs.recent(tenantId(), selected, 10));
        } catch (ProblemException gone) {
            selected = null;
            runGrid.setItems(List.of());
        }
    }

    private void show(String message, boolean error) {
        banner.removeAll();
        Span text = new Span(message);
        text.getElement().getThemeList().add("badge " + (error ? "error" : "success"));
        banner.add(text);
    }

    private static String ago(Instant at) {
        long minutes = Duration.between(at, Instant.now()).toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 120) {
            return minutes + " min ago";
        }
        return minutes / 60 < 48 ? minutes / 60 + " h ago" : minutes / 1440 + " days ago";
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }

    private static Map<Integer, String> schedules() {
        Map<Integer, String> s = new LinkedHashMap<>();
        s.put(60, "Every hour");
        s.put(180, "Every 3 hours");
        s.put(360, "Every 6 hours");
        s.put(720, "Twice a day");
        s.put(1440, "Once a day");
        return s;
    }

    static UUID tenantId() {
        return UserSession.tenant().orElseThrow().tenantId();
    }

    static UUID actorId() {
        return UserSession.user().orElseThrow().userId();
    }
}
