package io.catalyst.plugins.assistant;

import com.vaadin.flow.component.Component;
import io.catalyst.api.PluginContext;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.api.ui.UiPanel;
import io.catalyst.api.ui.UiScreen;
import java.util.List;
import org.pf4j.Extension;

/** The assistant's permission, its panel beside every screen, and its full page. */
public final class AssistantExtensions {

    /** Asking the assistant: it spends the company's AI credits. */
    static final String USE = "assistant:use";
    /** The host's permission to read figures, which its metrics tools need. */
    static final String FIGURES = "dashboards:read";

    private AssistantExtensions() {
    }

    @Extension
    public static class Permissions implements PluginPermissions {
        @Override
        public List<PermissionDeclaration> permissions() {
            return List.of(PermissionDeclaration.grantedTo(USE, "Ask the AI assistant (spends the company's AI"
                    + " credits)", "analyst", "viewer"));
        }
    }

    @Extension
    public static class Panel implements UiPanel {
        @Override
        public String id() {
            return "chat";
        }

        @Override
        public String label() {
            return "Assistant";
        }

        @Override
        public String icon() {
            return "vaadin:comments-o";
        }

        @Override
        public String requiredPermission() {
            return USE;
        }

        @Override
        public Component create(PluginContext ctx) {
            return new ChatView(ctx, false);
        }
    }

    @Extension
    public static class Page implements UiScreen {
        @Override
        public String route() {
            return "chat";
        }

        @Override
        public String title() {
            return "Assistant";
        }

        @Override
        public String navIcon() {
            return "vaadin:comments-o";
        }

        @Override
        public String requiredPermission() {
            return USE;
        }

        @Override
        public Component create(PluginContext ctx) {
            return new ChatView(ctx, true);
        }
    }
}
