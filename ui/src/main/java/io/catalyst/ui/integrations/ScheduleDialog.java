package io.catalyst.ui.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.function.SerializableRunnable;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.UserSession;

/** How often a connection syncs, and how many recent days each sync reads again. */
class ScheduleDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient Connections connections;

    /** {@code saved} runs once the schedule is saved; a refusal is shown on the look-back field. */
    ScheduleDialog(Connections connections, Connections.View v, SerializableRunnable saved) {
        this.connections = connections;
        setHeaderTitle("Schedule of " + v.name());
        Select<Integer> every = new Select<>();
        every.setLabel("Sync");
        every.setItems(IntegrationsView.SCHEDULES.keySet());
        every.setItemLabelGenerator(IntegrationsView.SCHEDULES::get);
        every.setValue(IntegrationsView.SCHEDULES.containsKey(v.scheduleMinutes()) ? v.scheduleMinutes() : 360);
        IntegerField lookback = new IntegerField("Re-read the last (days)");
        lookback.setHelperText("Ad platforms correct recent figures for weeks; each sync reads these days again.");
        lookback.setMin(0);
        lookback.setMax(365);
        lookback.setValue(v.lookbackDays());
        Button save = new Button("Save", click -> {
            try {
                this.connections.update(IntegrationsView.tenantId(), IntegrationsView.actorId(), UserSession.actor(),
                        v.id(), new Connections.Change(null, null, every.getValue(), lookback.getValue(), null, null,
                                null));
                close();
                saved.run();
            } catch (ProblemException e) {
                lookback.setInvalid(true);
                lookback.setErrorMessage(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(every, lookback);
        getFooter().add(new Button("Cancel", c -> close()), save);
    }
}
