package io.catalyst.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    @Test
    void jobScheduleIsAnIntervalOrACronNeverBoth() {
        assertThat(JobSchedule.every(Duration.ofMinutes(5)).every()).isEqualTo(Duration.ofMinutes(5));
        assertThat(JobSchedule.cron("0 3 * * *").cron()).isEqualTo("0 3 * * *");
        assertThatThrownBy(() -> new JobSchedule(Duration.ofHours(1), "0 3 * * *"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobSchedule.every(Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobSchedule.cron("0 3 * *")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void permissionsAreDomainColonActionWithoutWildcards() {
        assertThat(new PermissionDeclaration("leads:rescore", "Rescore leads").name()).isEqualTo("leads:rescore");
        for (String bad : List.of("leads", "leads:*", "leads:read,write", "Leads:read", "a:b:c")) {
            assertThatThrownBy(() -> new PermissionDeclaration(bad, "x")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void choicesBelongToChoiceFieldsOnlyAndSecretsHaveNoDefault() {
        assertThat(new SettingField("mode", "Mode", SettingType.CHOICE, true, "fast", List.of("fast", "slow"), null)
                .choices()).containsExactly("fast", "slow");
        assertThatThrownBy(() -> new SettingField("mode", "Mode", SettingType.CHOICE, true, null, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettingField("name", "Name", SettingType.STRING, true, null, List.of("a"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettingField("token", "Token", SettingType.SECRET, true, "abc", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemsCarryAnErrorStatus() {
        assertThat(PluginProblem.notFound("no lead 42").status()).isEqualTo(404);
        assertThatThrownBy(() -> new PluginProblem(200, "ok", "not a problem"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
