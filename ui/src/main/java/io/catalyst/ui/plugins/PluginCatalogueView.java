package io.catalyst.ui.plugins;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.catalyst.core.connect.ConnectionAuthorization;
import io.catalyst.core.connect.ConnectorRegistry;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.plugins.PluginAdminResource;
import io.catalyst.core.plugins.PluginAdminResource.PluginView;
import io.catalyst.core.plugins.PluginCatalog;
import io.catalyst.core.plugins.PluginHost;
import io.catalyst.core.plugins.TenantPlugins;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's plugins: version, state and why, signature, what each may reach and do, and where it is enabled.
 * Platform admins upload a plugin jar with its {@code .sig}, restart a failed one, or remove one.
 */
@Route(value = "admin/plugins", layout = MainLayout.class)
@PageTitle("Plugin catalogue · Catalyst")
@Navigation(title = "Plugin catalogue", icon = "vaadin:plug", order = 810)
@RequiresPermission(Permissions.PLATFORM_PLUGINS + ":manage")
public class PluginCatalogueView extends Div {

    private static final long serialVersionUID = 1L;

    private final transient PluginHost host = Services.get(PluginHost.class);
    private final transient TenantPlugins tenantPlugins = Services.get(TenantPlugins.class);
    private final Grid<PluginView> grid = new Grid<>(PluginView.class, false);
    private final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    private final transient PluginCatalog catalog = Services.get(PluginCatalog.class);
    private final Grid<PluginCatalog.Release> market = new Grid<>();
    private final Paragraph marketNote = new Paragraph();
    private final Paragraph installedNote = new Paragraph();
    private final Div setupNeeded = new Div();

    public PluginCatalogueView() {
        addClassName("screen");
        setId("plugin-catalogue");

        Upload upload = new Upload(UploadHandler.inMemory((meta, data) -> uploaded.put(meta.fileName(), data)));
        upload.setId("plugin-upload");
        upload.setAcceptedFileTypes(".jar", ".sig");
        upload.setMaxFiles(2);
        upload.setDropLabel(new Span("Drop a plugin .jar and its .sig here"));
        upload.addAllFinishedListener(done -> {
            installUploaded();
            upload.clearFileList();
        });

        grid.setId("plugin-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // names, reasons and hosts wrap, never clip
        grid.addColumn(v -> PluginNames.of(v.pluginId())).setHeader("Plugin").setWidth("10rem").setFlexGrow(0);
        grid.addColumn(PluginView::version).setHeader("Version").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(v -> PluginNames.state(v.state()) + (v.reason() == null ? "" : ": " + v.reason())
                + (v.warning() == null ? "" : " ⚠ " + v.warning())).setHeader("State").setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(PluginView::signature).setHeader("Signature").setWidth("10rem").setFlexGrow(1);
        grid.addColumn(v -> String.join(", ", v.permissions())).setHeader("Permissions").setWidth("10rem");
        grid.addColumn(v -> String.join(", ", v.egressHosts())).setHeader("Egress hosts").setWidth("10rem");
        grid.addColumn(v -> String.join(", ", v.tenants())).setHeader("Enabled for").setWidth("8rem");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        installedNote.setId("no-plugins");
        installedNote.setText("No plugins are installed yet. Install one from the marketplace below, or upload a"
                + " signed .jar with its .sig.");

        market.setId("marketplace-grid");
        market.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        market.addColumn(r -> PluginNames.of(r.pluginId())).setHeader("Plugin").setWidth("10rem").setFlexGrow(0);
        market.addColumn(PluginCatalog.Release::version).setHeader("Version").setWidth("7rem").setFlexGrow(0);
        market.addColumn(r -> r.description() == null ? "" : r.description()).setHeader("What it does")
                .setWidth("14rem").setFlexGrow(2);
        market.addColumn(r -> r.compatible() ? "Yes" : "No: needs API " + r.requires()).setHeader("Runs here")
                .setWidth("7rem").setFlexGrow(0);
        market.addColumn(r -> r.installedVersion() == null ? "" : r.installedVersion()).setHeader("Installed")
                .setWidth("7rem").setFlexGrow(0);
        market.setAllRowsVisible(true);
        market.addComponentColumn(release -> {
            boolean upgrade = release.installedVersion() != null;
            Button install = new Button(upgrade ? "Switch" : "Install",
                    click -> act(() -> catalog.install(UserSession.user().orElseThrow().userId(), UserSession.actor(),
                            release.pluginId(), release.version()), "Installed " + release.pluginId() + " "
                            + release.version()));
            install.setId("install-" + release.pluginId() + "-" + release.version());
            install.setEnabled(release.compatible() && !release.version().equals(release.installedVersion()));
            install.setTooltipText(upgrade ? "Replace " + release.installedVersion() + " with " + release.version()
                    : "Install " + release.version());
            return install;
        }).setAutoWidth(true).setFlexGrow(0);

        add(new H2("Plugin catalogue"),
                new Paragraph("Plugins must be signed with a trusted key. Tenant admins enable them for their company"
                        + " under Plugins."), upload, installedNote, grid, setupNeeded, new H2("Marketplace"), marketNote, market);
        refresh();
    }

    private HorizontalLayout actions(PluginView view) {
        Button restart = new Button("Restart", click -> act(() -> host.restart(UserSession.user().orElseThrow().userId(),
                UserSession.actor(), view.pluginId()), "Restarted " + view.pluginId()));
        restart.setVisible(view.state().equals("FAILED") || view.state().equals("DISABLED"));
        restart.setId("restart-" + view.pluginId());
        Button remove = new Button("Uninstall", click -> act(() -> host.uninstall(
                UserSession.user().orElseThrow().userId(), UserSession.actor(), view.pluginId()),
                "Uninstalled " + view.pluginId()));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setId("uninstall-" + view.pluginId());
        HorizontalLayout actions = new HorizontalLayout(restart, remove);
        actions.setSpacing(false);
        actions.getStyle().set("flex-wrap", "wrap");
        return actions;
    }

    // connectors that companies are not offered until the platform sets them up, and what each lacks
    private void showSetupNeeded() {
        setupNeeded.removeAll();
        setupNeeded.setId("connectors-setup-needed");
        ConnectionAuthorization authorization = Services.get(ConnectionAuthorization.class);
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (ConnectorRegistry.Available a : Services.get(ConnectorRegistry.class).all()) {
            java.util.List<String> missing = authorization.missingSettings(a.connector());
            if (!missing.isEmpty()) {
                lines.add(a.connector().displayName() + ": set " + String.join(" and ", missing)
                        + " (its OAuth app) and restart the server.");
            }
        }
        setupNeeded.setVisible(!lines.isEmpty());
        if (!lines.isEmpty()) {
            setupNeeded.add(new H3("Connectors waiting for setup"), new Paragraph("Companies are not offered these"
                    + " until their platform settings are in place (docs/connectors.md):"));
            com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
            lines.forEach(line -> list.add(new com.vaadin.flow.component.html.ListItem(line)));
            setupNeeded.add(list);
        }
    }

    private void installUploaded() {
        byte[] jar = uploaded.entrySet().stream().filter(e -> e.getKey().endsWith(".jar")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        byte[] signature = uploaded.entrySet().stream().filter(e -> e.getKey().endsWith(".sig"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        uploaded.clear();
        if (jar == null) {
            Notification.show("Upload the plugin's .jar (with its .sig)").addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        act(() -> host.install(UserSession.user().orElseThrow().userId(), UserSession.actor(), jar,
                signature == null ? null : new String(signature, StandardCharsets.US_ASCII)), "Installed");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ProblemException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        java.util.List<PluginView> installed = host.ready() ? PluginAdminResource.views(host, tenantPlugins)
                : java.util.List.of();
        grid.setItems(installed);
        grid.setVisible(!installed.isEmpty());
        installedNote.setVisible(installed.isEmpty());
        showSetupNeeded();
        if (!catalog.configured()) {
            marketNote.setText("No marketplace is configured (CATALYST_PLUGINS_CATALOG).");
            market.setVisible(false);
            return;
        }
        try {
            java.util.List<PluginCatalog.Release> releases = catalog.releases();
            market.setItems(releases);
            market.setVisible(!releases.isEmpty());
            marketNote.setText(releases.isEmpty() ? "The marketplace lists no plugins yet. Publish one with"
                    + " ./catalyst plugins publish." : "Releases from the configured catalog. Each is checked against"
                    + " the catalog's checksum and its signature before it is installed.");
        } catch (ProblemException e) {
            marketNote.setText(e.getMessage());
            market.setItems(java.util.List.of());
            market.setVisible(false);
        }
    }
}
