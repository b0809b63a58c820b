package io.catalyst.ui.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.function.SerializableRunnable;
import io.catalyst.core.connect.Connections;
import io.catalyst.core.sync.SyncScheduler;
import java.time.LocalDate;

/** Queues a backfill: reads a range of days of a connection again, replacing what is stored. */
class BackfillDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient SyncScheduler scheduler;

    /** {@code queued} runs once the backfill is queued. */
    BackfillDialog(SyncScheduler scheduler, Connections.View v, SerializableRunnable queued) {
        this.scheduler = scheduler;
        setHeaderTitle("Backfill " + v.name());
        DatePicker from = new DatePicker("From", LocalDate.now().minusMonths(3));
        DatePicker to = new DatePicker("To", LocalDate.now().minusDays(1));
        Button save = new Button("Backfill", click -> {
            if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
                to.setInvalid(true);
                to.setErrorMessage("on or after From");
                return;
            }
            this.scheduler.backfill(IntegrationsView.tenantId(), v.id(), from.getValue(), to.getValue());
            close();
            Notification.show("Backfill queued; it runs after the regular syncs")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            queued.run();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("Reads the daily figures of these dates again, replacing what is stored."), from, to);
        getFooter().add(new Button("Cancel", c -> close()), save);
    }
}
