package io.catalyst.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.ui.shell.UserSession;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Vaadin UI in the test's JVM, with the shell's routes and its service-init listeners, without a browser. Ada, who
 * works in two tenants, is signed in.
 */
public abstract class KaribuTest {

    protected static final SignedIn.TenantAccess ACME =
            new SignedIn.TenantAccess(UUID.randomUUID(), "acme", "Acme Corp", List.of("tenant-admin"), List.of("*"),
                    true);
    protected static final SignedIn.TenantAccess GLOBEX =
            new SignedIn.TenantAccess(UUID.randomUUID(), "globex", "Globex", List.of("viewer"),
                    List.of("tenant:read", "dashboards:read"), true);
    /** Agency staff: a platform admin, tenant admin of Acme and viewer of Globex. */
    protected static final SignedIn ADA =
            new SignedIn(UUID.randomUUID(), "ada@acme.example", "Ada Lovelace", true, List.of(ACME, GLOBEX));

    private static Routes routes;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("io.catalyst.ui");
    }

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(routes);
        UserSession.start(ADA);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }
}
