package io.catalyst.api.ui.kit;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;

/**
 * Keeps a screen's state in its address, so the address can be bookmarked, shared and reopened, and the panels
 * beside the screen (the assistant) know what the user is looking at. A screen calls {@link #publish} whenever its
 * period, filters or selected entity change; the address changes without a navigation. Since API 0.8.0.
 */
public final class ScreenState {

    private static final String KEY = "catalyst.screen.state";

    private ScreenState() {
    }

    /** The path and parameters of what the user looks at now. */
    public record Current(String path, Map<String, List<String>> parameters) {
    }

    /**
     * Replaces the current address's query parameters (no navigation, no history entry). Only at the screen's own
     * address ({@code plugins/...}): a page that shows the screen inside its own (a read-only share link) keeps its
     * address, whose parameters are its own.
     */
    public static void publish(Map<String, List<String>> parameters) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        String path = ui.getInternals().getActiveViewLocation().getPath();
        if (!path.startsWith("plugins/")) {
            return;
        }
        Current now = new Current(path, Map.copyOf(parameters));
        ComponentUtil.setData(ui, KEY, now);
        ui.getPage().getHistory().replaceState(null, new Location(path, new QueryParameters(now.parameters())));
    }

    /**
     * Records where a navigation arrived (the shell calls this); a screen's later {@link #publish} replaces the
     * parameters.
     */
    public static void arrived(UI ui, String path, Map<String, List<String>> parameters) {
        ComponentUtil.setData(ui, KEY, new Current(path, Map.copyOf(parameters)));
    }

    /** What the user looks at in this UI, or an empty path before the first navigation. */
    public static Current current(UI ui) {
        Object data = ui == null ? null : ComponentUtil.getData(ui, KEY);
        return data instanceof Current c ? c : new Current("", Map.of());
    }
}
