package io.catalyst.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.audit.AuditRecord;
import io.catalyst.core.identity.Permissions;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.List;
import java.util.Locale;

/** The company's audit log, newest first, with a filter over actor, action and target. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Catalyst")
@Navigation(title = "Audit log", icon = "vaadin:list", order = 720)
@RequiresPermission(Permissions.AUDIT_READ)
public class AuditView extends Div {

    private static final long serialVersionUID = 1L;

    public AuditView() {
        addClassName("screen");
        setId("audit");
        java.util.UUID tenantId = UserSession.tenant().orElseThrow().tenantId();
        List<AuditRecord> entries = Services.get(AuditLog.class).recent(tenantId, 500);
        java.time.ZoneId zone = io.catalyst.ui.shell.CompanyTime.zone(tenantId);

        Grid<AuditRecord> grid = new Grid<>(AuditRecord.class, false);
        grid.setId("audit-grid");
        grid.addColumn(AuditRecord::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> when(r.occurredAt(), zone)).setHeader("When (" + zone.getId() + ")").setAutoWidth(true);
        grid.addColumn(AuditRecord::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditRecord::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(r -> r.targetType() == null ? "" : r.targetType() + " " + r.targetId()).setHeader("Target");
        grid.addColumn(r -> r.after() == null ? "" : r.after()).setHeader("Change").setFlexGrow(1);
        grid.setItems(entries);

        TextField filter = new TextField();
        filter.setPlaceholder("Filter by who, action or target");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> {
            String wanted = change.getValue().toLowerCase(Locale.ROOT);
            grid.setItems(entries.stream().filter(r -> (r.actor() + " " + r.action() + " " + r.targetType() + " "
                    + r.targetId()).toLowerCase(Locale.ROOT).contains(wanted)).toList());
        });
        add(new H2("Audit log"), filter, grid);
    }

    /** An ISO-8601 instant as people read it in the company's time zone: 2026-12-07 06:15:02. */
    static String when(String occurredAt, java.time.ZoneId zone) {
        try {
            return java.time.OffsetDateTime.parse(occurredAt).atZoneSameInstant(zone)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        } catch (RuntimeException notIso) {
            return occurredAt;
        }
    }
}
