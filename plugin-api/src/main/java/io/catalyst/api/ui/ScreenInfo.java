package io.catalyst.api.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The screen a user is on: its route and title, and its state as its address carries it (a dashboard's period,
 * comparison, filters and selected entity are query parameters, see the UI kit's {@code ScreenState}).
 * Since API 0.8.0.
 *
 * @param route      the route, e.g. {@code plugins/dashboards/overview}
 * @param title      the page's title
 * @param parameters the address's query parameters
 */
public record ScreenInfo(String route, String title, Map<String, List<String>> parameters) {

    public ScreenInfo {
        Objects.requireNonNull(route, "route");
        title = title == null ? "" : title;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A parameter's first value, or null. */
    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
