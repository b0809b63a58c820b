package io.catalyst.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleSafetyTest {

    @Test
    void aPlainRoleThatOwnsNothingIsSafe() {
        assertThat(new RoleSafety("catalyst_app", false, false, 0).problem()).isEmpty();
    }

    @Test
    void superuserBypassAndOwnershipAreEachRefusedWithTheReason() {
        assertThat(new RoleSafety("postgres", true, false, 0).problem()).get().asString().contains("superuser");
        assertThat(new RoleSafety("app", false, true, 0).problem()).get().asString().contains("BYPASSRLS");
        assertThat(new RoleSafety("app", false, false, 3).problem()).get().asString()
                .contains("owns 3").contains("CATALYST_DB_OWNER_USER");
    }
}
