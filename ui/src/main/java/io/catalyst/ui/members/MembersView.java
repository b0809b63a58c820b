package io.catalyst.ui.members;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Users;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.RoleNames;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who has access to the company, with which roles; tenant admins change roles here. */
@Route(value = "members", layout = MainLayout.class)
@PageTitle("Members · Catalyst")
@Navigation(title = "Members", icon = "vaadin:users", order = 700)
@RequiresPermission(Permissions.USERS_READ)
public class MembersView extends Div {

    private static final long serialVersionUID = 1L;

    private final transient Users users = Services.get(Users.class);
    private final Grid<Member> grid = new Grid<>(Member.class, false);
    private final UUID tenantId = UserSession.tenant().orElseThrow().tenantId();
    private final boolean canManage = UserSession.permits(Permissions.USERS_MANAGE);

    public MembersView() {
        addClassName("screen");
        setId("members");
        grid.setId("member-grid");
        grid.addColumn(Member::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(Member::email).setHeader("Email").setAutoWidth(true);
        grid.addComponentColumn(this::roles).setHeader("Roles").setWidth("18rem").setFlexGrow(1); // chips unclipped
        grid.setAllRowsVisible(true);
        add(new H2("Members"));
        if (canManage) {
            add(inviteForm());
        }
        add(grid);
        refresh();
    }

    private Component inviteForm() {
        EmailField email = new EmailField("Invite by email");
        email.setId("invite-email");
        MultiSelectComboBox<String> roles = new MultiSelectComboBox<>("Roles");
        roles.setId("invite-roles");
        roles.setItems(users.assignableRoles(tenantId));
        roles.setItemLabelGenerator(RoleNames::of);
        roles.setValue(Set.of("viewer"));
        Button invite = new Button("Send invitation", click -> {
            var actor = UserSession.user().orElseThrow();
            try {
                Services.get(Invitations.class).invite(actor.userId(), UserSession.actor(), UserSession::permits,
                        tenantId, email.getValue(),
                        new ArrayList<>(roles.getValue()));
                Notification.show("Invitation sent to " + email.getValue())
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                email.clear();
            } catch (ProblemException e) {
                email.setErrorMessage(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
                email.setInvalid(true);
            }
        });
        invite.setId("send-invitation");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormRow form = new FormRow(email, roles, invite);
        return form;
    }

    private Component roles(Member member) {
        if (!canManage) {
            return new Span(String.join(", ", member.roles().stream().map(RoleNames::of).toList()));
        }
        MultiSelectComboBox<String> roles = new MultiSelectComboBox<>();
        roles.setId("roles-" + member.email().replaceAll("[^a-zA-Z0-9]", "-"));
        roles.setItems(users.assignableRoles(tenantId));
        roles.setItemLabelGenerator(RoleNames::of);
        roles.setValue(member.roles());
        roles.setWidthFull();
        roles.setAriaLabel("Roles of " + member.email());
        roles.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            var actor = UserSession.user().orElseThrow();
            try {
                users.changeRoles(actor.userId(), UserSession.actor(), UserSession::permits, tenantId,
                        member.userId(),
                        new ArrayList<>(change.getValue()));
                Notification.show("Roles of " + member.name() + " saved")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException e) {
                // the grid's rows are equal to what it shows, so it would not redraw this one: put the roles back
                roles.setValue(change.getOldValue());
                Notification refused = Notification.show(e instanceof ProblemException problem
                        ? (change.getValue().isEmpty() ? "Give " + member.name() + " at least one role."
                        : problem.getMessage()) : "The roles could not be saved. Try again, or ask your platform"
                        + " admin if it keeps failing.", 8000, Notification.Position.BOTTOM_START);
                refused.addThemeVariants(NotificationVariant.LUMO_ERROR);
                refused.setId("roles-refused");
            }
        });
        return roles;
    }

    private void refresh() {
        List<Member> members = users.members(tenantId);
        grid.setItems(members);
    }
}
