package io.catalyst.ui.home;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouterLink;
import io.catalyst.ui.KaribuTest;
import io.catalyst.ui.system.SystemView;
import org.junit.jupiter.api.Test;

class HomeViewTest extends KaribuTest {

    @Test
    void greetsWithoutAssumingAnEarlierVisitAndLinksToEveryOtherScreen() {
        UI.getCurrent().navigate("");

        assertThat(_get(H2.class, s -> s.withText("Welcome, Ada Lovelace"))).isNotNull();
        RouterLink system = _get(RouterLink.class, s -> s.withText("Open System"));
        assertThat(system.getHref()).isEqualTo("system");
        assertThat(_find(RouterLink.class, s -> s.withText("Open Home"))).isEmpty();
        assertThat(_find(RouterLink.class, s -> s.withText("Open Members"))).hasSize(1);
    }

    @Test
    void followingACardOpensItsScreen() {
        UI.getCurrent().navigate("");

        UI.getCurrent().navigate(_get(RouterLink.class, s -> s.withText("Open System")).getHref());

        assertThat(_get(SystemView.class)).isNotNull();
    }
}
