package io.catalyst.ui.integrations;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.core.web.ProblemType;
import io.catalyst.ui.KaribuTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A connection's settings dialog: built from what its connector declares, saved through Connections.update. */
class ConnectionSettingsDialogTest extends KaribuTest {

    private static final SettingField CONVERSIONS = new SettingField("conversions", "Conversions", SettingType.CHOICE,
            false, "conversions", List.of("conversions", "all_conversions"), "Which actions count as conversions.");
    private static final SettingField CURRENCY = new SettingField("currency", "Advertiser currency",
            SettingType.STRING, false, null, List.of(), "The ISO 4217 code, e.g. USD.");

    /** The service the REST PATCH uses, recording what it is asked and refusing when told to. */
    private static final class RecordingConnections extends Connections {
        final List<Change> changes = new ArrayList<>();
        ProblemException refusal;

        @Override
        public View update(UUID tenantId, UUID actorId, String actor, UUID id, Change change) {
            if (refusal != null) {
                throw refusal;
            }
            changes.add(change);
            return null;
        }
    }

    private static Connections.View connection(Map<String, String> settings) {
        return new Connections.View(UUID.randomUUID(), "google-ads", "Google Ads", "Google EU", "ACTIVE",
                List.of("A1"), 360, 28, null, settings, true, null, null, null, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneFieldPerDeclaredSettingShowingTheConnectionsValueOrTheDefault() {
        ConnectionSettingsDialog dialog = new ConnectionSettingsDialog(null,
                connection(Map.of("currency", "EUR")), List.of(CONVERSIONS, CURRENCY), () -> { });
        dialog.open();

        assertThat(dialog.getHeaderTitle()).isEqualTo("Settings of Google EU");
        Select<String> conversions = _get(dialog, Select.class, s -> s.withId("setting-conversions"));
        assertThat(conversions.getLabel()).isEqualTo("Conversions");
        assertThat(conversions.getListDataView().getItems()).containsExactly("conversions", "all_conversions");
        assertThat(conversions.getValue()).isEqualTo("conversions"); // the default: the connection sets none
        assertThat(conversions.getHelperText()).isEqualTo("Which actions count as conversions.");
        TextField currency = _get(dialog, TextField.class, s -> s.withId("setting-currency"));
        assertThat(currency.getLabel()).isEqualTo("Advertiser currency");
        assertThat(currency.getValue()).isEqualTo("EUR");
        assertThat(currency.getHelperText()).isEqualTo("The ISO 4217 code, e.g. USD.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void savingCallsTheServiceAndSaysWhenTheChangeTakesEffect() {
        RecordingConnections connections = new RecordingConnections();
        boolean[] saved = {false};
        Connections.View v = connection(Map.of());
        ConnectionSettingsDialog dialog = new ConnectionSettingsDialog(connections, v, List.of(CONVERSIONS, CURRENCY),
                () -> saved[0] = true);
        dialog.open();
        _get(dialog, Select.class, s -> s.withId("setting-conversions")).setValue("all_conversions");
        _get(dialog, TextField.class, s -> s.withId("setting-currency")).setValue(" USD ");

        _click(_get(dialog, Button.class, s -> s.withId("save-connection-settings")));

        assertThat(connections.changes).singleElement().satisfies(change -> {
            assertThat(change.settings()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("conversions", "all_conversions", "currency", "USD"));
            assertThat(change.name()).isNull();
            assertThat(change.accounts()).isNull();
            assertThat(change.scheduleMinutes()).isNull();
        });
        assertThat(saved[0]).isTrue();
        assertThat(dialog.isOpened()).isFalse();
        NotificationsKt.expectNotifications("Settings saved. They apply from the next sync; days already loaded"
                + " change when they are read again (lookback or a backfill).");
    }

    @Test
    void aDefaultTheConnectionNeverChoseIsNotPinned() {
        RecordingConnections connections = new RecordingConnections();
        ConnectionSettingsDialog dialog = new ConnectionSettingsDialog(connections, connection(Map.of()),
                List.of(CONVERSIONS, CURRENCY), () -> { });
        dialog.open();

        _click(_get(dialog, Button.class, s -> s.withId("save-connection-settings")));

        assertThat(connections.changes).singleElement().satisfies(change -> assertThat(change.settings()).isEmpty());
    }

    @Test
    void aRefusalShowsOnTheFieldItNames() {
        RecordingConnections connections = new RecordingConnections();
        connections.refusal = new ProblemException(ProblemType.VALIDATION_FAILED,
                "settings.currency: at most 500 characters",
                List.of(new Problem.FieldError("settings.currency", "at most 500 characters")), null);
        boolean[] saved = {false};
        ConnectionSettingsDialog dialog = new ConnectionSettingsDialog(connections, connection(Map.of()),
                List.of(CONVERSIONS, CURRENCY), () -> saved[0] = true);
        dialog.open();
        TextField currency = _get(dialog, TextField.class, s -> s.withId("setting-currency"));
        currency.setValue("x".repeat(501));

        _click(_get(dialog, Button.class, s -> s.withId("save-connection-settings")));

        assertThat(currency.isInvalid()).isTrue();
        assertThat(currency.getErrorMessage()).isEqualTo("at most 500 characters");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(saved[0]).isFalse();
    }
}
