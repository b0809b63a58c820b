package io.catalyst.plugins.tasks;

import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import java.util.List;
import org.pf4j.Extension;

/** Who may do what: a client's viewers read client-visible tasks; analysts work on all of them. */
@Extension
public class TasksPermissions implements PluginPermissions {

    @Override
    public List<PermissionDeclaration> permissions() {
        return List.of(
                PermissionDeclaration.grantedTo(Tasks.READ, "See tasks", "analyst", "viewer"),
                PermissionDeclaration.grantedTo(Tasks.WRITE, "Create, edit, comment on and move tasks", "analyst"),
                PermissionDeclaration.grantedTo(Tasks.INTERNAL, "See and create agency-internal tasks", "analyst"),
                new PermissionDeclaration(Tasks.MANAGE, "Change the task settings (business hours, SLA targets)"));
    }
}
