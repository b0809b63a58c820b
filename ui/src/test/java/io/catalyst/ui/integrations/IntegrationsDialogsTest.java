package io.catalyst.ui.integrations;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.core.connect.Connections;
import io.catalyst.ui.KaribuTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Integrations dialogs as people (and IntegrationsBrowserIT, by id and text) see them, up to the point where
 * they would call the platform: no services run here, so each is given none.
 */
class IntegrationsDialogsTest extends KaribuTest {

    private static Connections.View connection(List<String> accounts, int scheduleMinutes) {
        return new Connections.View(UUID.randomUUID(), "meta-ads", "Meta Ads", "Meta EU", "ACTIVE", accounts,
                scheduleMinutes, 28, null, Map.of(), true, null, null, null, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAccountPickerTicksTheAccountsAlreadySynced() {
        ProviderAccount shop = new ProviderAccount("A1", "Shop", "USD", null);
        ProviderAccount brand = new ProviderAccount("A2", "Brand", null, null);
        AccountsDialog dialog = new AccountsDialog(null, null, connection(List.of("A2"), 360), List.of(shop, brand),
                () -> { });
        dialog.open();

        assertThat(dialog.getHeaderTitle()).isEqualTo("Accounts to sync from Meta Ads");
        CheckboxGroup<ProviderAccount> picks = _get(dialog, CheckboxGroup.class, s -> s.withId("account-picker"));
        assertThat(picks.getItemLabelGenerator().apply(shop)).isEqualTo("Shop (A1, USD)");
        assertThat(picks.getItemLabelGenerator().apply(brand)).isEqualTo("Brand (A2)");
        assertThat(picks.getValue()).containsExactly(brand);
        assertThat(_get(dialog, Button.class, s -> s.withId("save-accounts")).getText()).isEqualTo("Save and sync");
    }

    @Test
    void aSignInThatReachesNoAccountsSaysSo() {
        AccountsDialog dialog = new AccountsDialog(null, null, connection(List.of(), 360), List.of(), () -> { });
        dialog.open();

        assertThat(_find(dialog, CheckboxGroup.class)).isEmpty();
        assertThat(_get(dialog, Paragraph.class).getText()).isEqualTo("This sign-in reaches no accounts.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnlistedScheduleShowsAsEverySixHours() {
        ScheduleDialog dialog = new ScheduleDialog(null, connection(List.of("A1"), 45), () -> { });
        dialog.open();

        assertThat(dialog.getHeaderTitle()).isEqualTo("Schedule of Meta EU");
        Select<Integer> every = _get(dialog, Select.class, s -> s.withLabel("Sync"));
        assertThat(every.getValue()).isEqualTo(360);
        assertThat(every.getItemLabelGenerator().apply(360)).isEqualTo("Every 6 hours");
        assertThat(IntegrationsView.SCHEDULES).containsKeys(60, 180, 360, 720, 1440);
        assertThat(_get(dialog, IntegerField.class, s -> s.withLabel("Re-read the last (days)")).getValue())
                .isEqualTo(28);
    }

    @Test
    void aBackfillThatEndsBeforeItStartsIsNotQueued() {
        boolean[] queued = {false};
        BackfillDialog dialog = new BackfillDialog(null, connection(List.of("A1"), 360), () -> queued[0] = true);
        dialog.open();
        _get(dialog, DatePicker.class, s -> s.withLabel("From")).setValue(LocalDate.of(2026, 11, 2));
        DatePicker to = _get(dialog, DatePicker.class, s -> s.withLabel("To"));
        to.setValue(LocalDate.of(2026, 11, 1));

        _click(_get(dialog, Button.class, s -> s.withText("Backfill")));

        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("on or after From");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(queued[0]).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void disconnectingKeepsTheDataUnlessToldOtherwise() {
        DisconnectDialog dialog = new DisconnectDialog(null, connection(List.of("A1"), 360), () -> { }, m -> { });
        dialog.open();

        assertThat(dialog.getHeaderTitle()).isEqualTo("Disconnect Meta EU");
        RadioButtonGroup<String> data = _get(dialog, RadioButtonGroup.class, s -> s.withId("keep-data"));
        assertThat(data.getValue()).isEqualTo("Keep the data synced so far");
        assertThat(data.getListDataView().getItems()).containsExactly("Keep the data synced so far",
                "Delete its data from Catalyst");
        assertThat(_get(dialog, Button.class, s -> s.withId("confirm-disconnect")).getText()).isEqualTo("Disconnect");
    }
}
