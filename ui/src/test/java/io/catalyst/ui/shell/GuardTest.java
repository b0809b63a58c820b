package io.catalyst.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.ui.KaribuTest;
import io.catalyst.ui.system.SystemView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Screens check their permission on every navigation, and the navigation offers only what may be opened. */
class GuardTest extends KaribuTest {

    @BeforeEach
    void aViewerOfGlobex() {
        UserSession.start(new SignedIn(UUID.randomUUID(), "vic@globex.example", "Vic", false, List.of(GLOBEX)));
    }

    @Test
    void aScreenWithoutItsPermissionAnswersForbiddenAndSaysWhatItNeeds() {
        UI.getCurrent().navigate("audit");

        assertThat(_find(ForbiddenView.class)).hasSize(1);
        assertThat(_get(Paragraph.class).getText()).contains("audit:read");
    }

    @Test
    void aScreenRegisteredAtRuntimeIsGuardedByItsEntry() {
        UI.getCurrent().navigate("system");

        assertThat(_find(ForbiddenView.class)).hasSize(1);
        assertThat(_find(SystemView.class)).isEmpty();
    }

    @Test
    void theNavigationOffersOnlyWhatTheUserMayOpen() {
        MainLayout layout = new MainLayout();

        // every member has a home and an inbox; nothing else without its permission
        assertThat(layout.navigation().getItems()).extracting(SideNavItem::getLabel).containsExactly("Home", "Inbox");
    }

    @Test
    void anImpersonationActsWithTheMembersPermissionsNamesBothAndEndsAsTheAdmin() {
        UserSession.start(ADA);
        SignedIn admin = UserSession.user().orElseThrow();
        SignedIn member = new SignedIn(UUID.randomUUID(), "vic@globex.example", "Vic", false, List.of(GLOBEX));

        UserSession.impersonate(member, GLOBEX.tenantId());

        assertThat(UserSession.actor()).isEqualTo("ada@acme.example as vic@globex.example");
        assertThat(UserSession.impersonator()).contains(admin);
        assertThat(UserSession.permits("platform:tenants:manage")).isFalse(); // the member's rights only
        assertThat(UserSession.permits("users:manage")).isFalse();
        assertThat(_get(new MainLayout(), Div.class, spec -> spec.withId("impersonation-banner")).getElement()
                .getTextRecursively())
                .contains("Acting as Vic");

        UserSession.endImpersonation();

        assertThat(UserSession.actor()).isEqualTo("ada@acme.example");
        assertThat(UserSession.impersonator()).isEmpty();
        assertThat(UserSession.permits("platform:tenants:manage")).isTrue();
    }

    @Test
    void permissionsFollowTheTenantBeingWorkedIn() {
        UserSession.start(ADA);
        assertThat(UserSession.permits("users:manage")).isTrue(); // tenant admin of Acme

        UserSession.switchTo(GLOBEX.tenantId());

        assertThat(UserSession.permits("users:manage")).isFalse(); // viewer of Globex
        assertThat(UserSession.permits("dashboards:read")).isTrue();
        assertThat(UserSession.permits("platform:tenants:manage")).isTrue(); // platform roles go everywhere
    }
}
