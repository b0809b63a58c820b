package io.catalyst.core.identity;

import static io.catalyst.core.identity.CatalystRealm.principals;
import static io.catalyst.core.identity.CatalystRealm.tenantPermission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExcessiveAttemptsException;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalystRealmTest {

    private static final UUID ACME = UUID.randomUUID();
    private static final UUID GLOBEX = UUID.randomUUID();
    private static final UUID ADA = UUID.randomUUID();
    private static final UUID OPS = UUID.randomUUID();
    private static final String ADA_PASSWORD = "correct horse battery staple";

    private static DefaultSecurityManager security;

    @BeforeAll
    static void realm() {
        String hash = Passwords.hash(ADA_PASSWORD);
        Map<String, CatalystRealm.Account> accounts = Map.of(
                "ada@acme.example", new CatalystRealm.Account(ADA, hash, true, false),
                "gone@acme.example", new CatalystRealm.Account(UUID.randomUUID(), hash, false, false),
                "locked@acme.example", new CatalystRealm.Account(UUID.randomUUID(), hash, true, true));
        security = new DefaultSecurityManager(new CatalystRealm(new CatalystRealm.Directory() {
            @Override
            public Optional<CatalystRealm.Account> account(String email) {
                return Optional.ofNullable(accounts.get(email));
            }

            @Override
            public List<String> platformRoles(UUID userId) {
                return userId.equals(OPS) ? List.of("platform-admin") : List.of();
            }

            @Override
            public List<String> tenantRoles(UUID userId, UUID tenantId) {
                if (userId.equals(ADA) && tenantId.equals(ACME)) {
                    return List.of("tenant-admin");
                }
                if (userId.equals(ADA) && tenantId.equals(GLOBEX)) {
                    return List.of("viewer", "campaign-editor");
                }
                return List.of();
            }

            @Override
            public List<String> customRolePermissions(UUID tenantId, String roleName) {
                return tenantId.equals(GLOBEX) && roleName.equals("campaign-editor")
                        ? List.of("connections:manage") : List.of();
            }
        }));
    }

    @Test
    void signsInWithTheRightPasswordOnly() {
        assertThat(security.authenticate(new UsernamePasswordToken("ada@acme.example", ADA_PASSWORD))
                .getPrincipals().oneByType(CatalystRealm.UserId.class).value()).isEqualTo(ADA);
        assertThatThrownBy(() -> security.authenticate(new UsernamePasswordToken("ada@acme.example", "wrong")))
                .isInstanceOf(IncorrectCredentialsException.class);
        assertThatThrownBy(() -> security.authenticate(new UsernamePasswordToken("nobody@acme.example", "x")))
                .isInstanceOf(UnknownAccountException.class);
        assertThatThrownBy(() -> security.authenticate(new UsernamePasswordToken("gone@acme.example", ADA_PASSWORD)))
                .isInstanceOf(DisabledAccountException.class);
        assertThatThrownBy(() -> security.authenticate(new UsernamePasswordToken("locked@acme.example",
                ADA_PASSWORD))).isInstanceOf(ExcessiveAttemptsException.class);
    }

    @Test
    void permissionsAreTenantRelative() {
        assertThat(security.isPermitted(principals(ADA, ACME), tenantPermission(ACME, "users:manage"))).isTrue();
        assertThat(security.isPermitted(principals(ADA, ACME), tenantPermission(GLOBEX, "users:manage"))).isFalse();
        assertThat(security.isPermitted(principals(ADA, GLOBEX), tenantPermission(GLOBEX, "dashboards:read")))
                .isTrue();
        assertThat(security.isPermitted(principals(ADA, GLOBEX), tenantPermission(GLOBEX, "users:manage")))
                .isFalse();
        assertThat(security.isPermitted(principals(ADA, null), tenantPermission(ACME, "dashboards:read"))).isFalse();
    }

    @Test
    void customRolesGrantWhatTheyHold() {
        assertThat(security.isPermitted(principals(ADA, GLOBEX), tenantPermission(GLOBEX, "connections:manage")))
                .isTrue();
        assertThat(security.isPermitted(principals(ADA, GLOBEX), tenantPermission(GLOBEX, "roles:manage")))
                .isFalse();
    }

    @Test
    void aWildcardInTheCheckedPermissionIsNoBypass() {
        assertThat(security.isPermitted(principals(ADA, GLOBEX), "tenant:*:users:manage")).isFalse();
        assertThat(security.isPermitted(principals(ADA, GLOBEX), "*")).isFalse();
    }

    @Test
    void platformAdminsHoldPlatformPermissionsButNoTenantsData() {
        assertThat(security.isPermitted(principals(OPS, null), "platform:tenants:manage")).isTrue();
        assertThat(security.isPermitted(principals(OPS, ACME), tenantPermission(ACME, "dashboards:read"))).isFalse();
        assertThat(security.isPermitted(principals(ADA, ACME), "platform:tenants:manage")).isFalse();
    }
}
