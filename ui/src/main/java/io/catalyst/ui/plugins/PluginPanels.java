package io.catalyst.ui.plugins;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.internal.CurrentInstance;
import io.catalyst.api.ui.UiPanel;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.plugins.PluginDispatch;
import io.catalyst.runtime.Contribution;
import io.catalyst.runtime.PluginFailure;
import io.catalyst.ui.shell.PanelSource;
import io.catalyst.ui.shell.UserSession;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The panels plugins contribute beside every screen (the assistant's chat): those of plugins enabled for the user's
 * tenant whose permission the user holds. The shell shows a button for each in its top bar.
 */
public final class PluginPanels implements PanelSource {

    @Override
    public List<Panel> panels() {
        return visible().stream().map(found -> new Panel(found.elementId(), found.label(), found.icon(),
                () -> open(found))).toList();
    }

    // a plugin that throws or hangs gets a sentence in its dock; the page goes on
    private static Component open(Found found) {
        try {
            return build(found);
        } catch (PluginFailure | IllegalStateException failure) {
            Paragraph message = new Paragraph("This panel of the " + found.panel().pluginId() + " plugin failed to"
                    + " open. The rest of Catalyst works as usual.");
            message.setId("panel-failed");
            return message;
        }
    }

    /** A panel the user may open here. */
    public record Found(Contribution<UiPanel> panel, String id, String label, String icon) {
        /** The element id of its button and dock, e.g. {@code panel-assistant-chat}. */
        public String elementId() {
            return "panel-" + panel.pluginId() + "-" + id;
        }
    }

    /** The panels the signed-in user may open in their tenant. */
    static List<Found> visible() {
        Optional<SignedIn.TenantAccess> tenant = UserSession.tenant();
        PluginDispatch dispatch;
        try {
            dispatch = CDI.current().select(PluginDispatch.class).get();
        } catch (IllegalStateException e) {
            return List.of(); // no container (UI unit tests)
        }
        if (tenant.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (Contribution<UiPanel> panel : dispatch.extensions(tenant.get().tenantId(), UiPanel.class)) {
            try {
                String permission = dispatch.declared(panel, "requiredPermission", UiPanel::requiredPermission);
                if (permission == null || UserSession.permits(permission)) {
                    found.add(new Found(panel, dispatch.declared(panel, "id", UiPanel::id),
                            dispatch.declared(panel, "label", UiPanel::label),
                            Optional.ofNullable(dispatch.declared(panel, "icon", UiPanel::icon))
                                    .orElse("vaadin:puzzle-piece")));
                }
            } catch (RuntimeException e) {
                // a failing plugin loses its button; the shell stays
            }
        }
        return found;
    }

    /**
     * Builds a panel through the guarded call path, as the signed-in user.
     *
     * @throws io.catalyst.runtime.PluginFailure if the plugin throws or hangs
     */
    static Component build(Found found) {
        SignedIn.TenantAccess tenant = UserSession.tenant().orElseThrow();
        SignedIn user = UserSession.user().orElseThrow();
        var on = new PluginDispatch.On(tenant.tenantId(), user.userId(), UserSession.permissions());
        UI ui = UI.getCurrent();
        return CDI.current().select(PluginDispatch.class).get().call(found.panel(), on, "panel " + found.id(),
                (p, context) -> {
                    Map<Class<?>, CurrentInstance> saved = CurrentInstance.setCurrent(ui);
                    try {
                        return p.create(context);
                    } finally {
                        CurrentInstance.restoreInstances(saved);
                    }
                });
    }
}
