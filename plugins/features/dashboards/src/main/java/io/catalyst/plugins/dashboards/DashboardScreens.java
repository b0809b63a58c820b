package io.catalyst.plugins.dashboards;

import com.vaadin.flow.component.Component;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import java.util.function.Function;
import org.pf4j.Extension;

/** The dashboards plugin's screens. Each needs the host's {@code dashboards:read}, which metrics queries need too. */
public final class DashboardScreens {

    /** The host permission to read the company's figures. */
    static final String READ = "dashboards:read";

    private DashboardScreens() {
    }

    /** A screen: reads what it needs from the context, then builds its view (which asks for its figures). */
    abstract static class Screen implements UiScreen {
        private final String route;
        private final String title;
        private final String icon;
        private final Function<DashboardData, DashboardView> view;

        Screen(String route, String title, String icon, Function<DashboardData, DashboardView> view) {
            this.route = route;
            this.title = title;
            this.icon = icon;
            this.view = view;
        }

        @Override
        public String route() {
            return route;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public String navIcon() {
            return icon;
        }

        @Override
        public String requiredPermission() {
            return READ;
        }

        @Override
        public Component create(PluginContext ctx) {
            return create(ctx, java.util.Map.of());
        }

        // the address may carry a period, comparison and filters (ViewState): a link from the assistant, a bookmark
        @Override
        public Component create(PluginContext ctx, java.util.Map<String, java.util.List<String>> parameters) {
            return view.apply(DashboardData.of(ctx, parameters));
        }
    }

    @Extension
    public static class Growth extends Screen {
        public Growth() {
            super("growth", "Growth", "vaadin:trending-up", GrowthView::new);
        }
    }

    @Extension
    public static class Overview extends Screen {
        public Overview() {
            super("overview", "Overview", "vaadin:dashboard", OverviewView::new);
        }
    }

    @Extension
    public static class Channels extends Screen {
        public Channels() {
            super("channels", "Channels", "vaadin:split", ChannelsView::new);
        }
    }

    @Extension
    public static class Campaigns extends Screen {
        public Campaigns() {
            super("campaigns", "Campaigns", "vaadin:sitemap", CampaignsView::new);
        }
    }
}
