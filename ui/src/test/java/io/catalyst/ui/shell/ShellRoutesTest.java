package io.catalyst.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import io.catalyst.ui.KaribuTest;
import io.catalyst.ui.system.SystemScreen;
import io.catalyst.ui.system.SystemView;
import org.junit.jupiter.api.Test;

class ShellRoutesTest extends KaribuTest {

    @Test
    void systemViewHasNoRouteAnnotationYetIsReachable() {
        assertThat(SystemView.class.isAnnotationPresent(Route.class)).isFalse();

        UI.getCurrent().navigate("system");

        assertThat(_get(SystemView.class)).isNotNull();
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .first().isInstanceOf(SystemView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .last().isInstanceOf(MainLayout.class);
    }

    @Test
    void registeringTwiceKeepsOneRouteAndOneEntry() {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        var context = UI.getCurrent().getSession().getService().getContext();
        NavigationRegistry registry = NavigationRegistry.of(context);

        ShellRoutes.register(context, SystemScreen.ENTRY, SystemView.class);

        assertThat(routes.getRoute("system")).contains(SystemView.class);
        assertThat(registry.entries()).filteredOn(e -> e.path().equals("system")).hasSize(1);
    }
}
