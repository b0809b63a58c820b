package io.catalyst.ui.members;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.RoleNames;
import io.catalyst.core.identity.Users;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who has access to the company, with which roles, and the invitations not accepted yet; those who manage members
 * invite, change roles, remove people, and resend or take back invitations here.
 */
@Route(value = "members", layout = MainLayout.class)
@PageTitle("Members · Catalyst")
@Navigation(title = "Members", icon = "vaadin:users", order = 700)
@RequiresPermission(Permissions.USERS_READ)
public class MembersView extends Div {

    private static final long serialVersionUID = 1L;

    private final transient Users users = Services.get(Users.class);
    private final Grid<Member> grid = new Grid<>(Member.class, false);
    private final Div invitationList = new Div();
    private final UUID tenantId = UserSession.tenant().orElseThrow().tenantId();
    private final boolean canManage = UserSession.permits(Permissions.USERS_MANAGE);

    public MembersView() {
        addClassName("screen");
        setId("members");
        grid.setId("member-grid");
        grid.addColumn(Member::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(Member::email).setHeader("Email").setAutoWidth(true);
        grid.addComponentColumn(this::roles).setHeader("Roles").setWidth("18rem").setFlexGrow(1); // chips unclipped
        if (canManage) {
            // frozen at the end: on a phone the action stays in reach while the other columns scroll
            grid.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.setAllRowsVisible(true);
        invitationList.setId("invitations");
        add(new H2("Members"));
        if (canManage) {
            add(inviteForm());
        }
        add(grid, invitationList);
        refresh();
    }

    /** Remove, with a confirmation; not on one's own row (leaving is a different act). */
    private Component removeButton(Member member) {
        if (UserSession.user().map(u -> u.userId().equals(member.userId())).orElse(false)) {
            return new Span();
        }
        Button remove = new Button("Remove", click -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader("Remove " + member.name() + "?");
            confirm.setText(member.name() + " (" + member.email() + ") loses access to the company at once: open"
                    + " sessions end, and their personal API tokens for the company stop working. Invite them again"
                    + " to bring them back.");
            confirm.setId("remove-member-dialog");
            confirm.setCancelable(true);
            Button yes = new Button("Remove", confirmed -> {
                confirm.close();
                var actor = UserSession.user().orElseThrow();
                try {
                    users.remove(actor.userId(), UserSession.actor(), UserSession::permits, tenantId,
                            member.userId());
                    Notification.show(member.name() + " was removed")
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (ProblemException e) {
                    Notification refused = Notification.show(e.getMessage(), 8000,
                            Notification.Position.BOTTOM_START);
                    refused.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    refused.setId("remove-refused");
                }
                refresh();
            });
            yes.setId("confirm-remove");
            yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            confirm.setConfirmButton(yes);
            confirm.open();
        });
        remove.setId("remove-" + member.email().replaceAll("[^a-zA-Z0-9]", "-"));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove " + member.email());
        return remove;
    }

    /** Invitations not accepted yet: whom, which roles, who sent it, until when; resend or take back. */
    private void refreshInvitations() {
        invitationList.removeAll();
        List<Invitations.Invitation> open = Services.get(Invitations.class).open(tenantId);
        if (open.isEmpty()) {
            return;
        }
        invitationList.add(new H3("Invitations not accepted yet"));
        java.time.ZoneId zone = io.catalyst.ui.shell.CompanyTime.zone(tenantId);
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
                java.util.Locale.ENGLISH);
        for (Invitations.Invitation invitation : open) {
            Span who = new Span(invitation.email());
            who.getStyle().set("font-weight", "600").set("overflow-wrap", "anywhere");
            Span what = new Span(String.join(", ", invitation.roles().stream().map(RoleNames::of).toList())
                    + (invitation.invitedBy() == null ? "" : " · sent by " + invitation.invitedBy()) + " · "
                    + (invitation.expired() ? "expired " : "valid until ")
                    + when.format(invitation.expiresAt().atZone(zone)));
            what.getStyle().set("color", invitation.expired() ? "var(--lumo-error-text-color)"
                    : "var(--lumo-secondary-text-color)");
            Div text = new Div(who, new Div(what));
            text.getStyle().set("flex", "1 1 16rem");
            Div row = new Div(text);
            row.addClassName("invitation-row");
            row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                    .set("align-items", "center").set("padding", "var(--lumo-space-s) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            if (canManage) {
                Button resend = new Button("Resend", click -> act(() -> Services.get(Invitations.class).resend(
                        UserSession.user().orElseThrow().userId(), UserSession.actor(), UserSession::permits,
                        tenantId, invitation.id()), "A new link was sent to " + invitation.email()));
                resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
                resend.setId("resend-" + invitation.email().replaceAll("[^a-zA-Z0-9]", "-"));
                Button revoke = new Button("Take back", click -> {
                    ConfirmDialog confirm = new ConfirmDialog();
                    confirm.setHeader("Take back the invitation to " + invitation.email() + "?");
                    confirm.setText("Its link stops working at once.");
                    confirm.setCancelable(true);
                    Button yes = new Button("Take back", confirmed -> {
                        confirm.close();
                        act(() -> Services.get(Invitations.class).revoke(UserSession.user().orElseThrow().userId(),
                                UserSession.actor(), UserSession::permits, tenantId, invitation.id()),
                                "The invitation to " + invitation.email() + " was taken back");
                    });
                    yes.setId("confirm-take-back");
                    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
                    confirm.setConfirmButton(yes);
                    confirm.open();
                });
                revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                revoke.setId("revoke-" + invitation.email().replaceAll("[^a-zA-Z0-9]", "-"));
                row.add(resend, revoke);
            }
            invitationList.add(row);
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ProblemException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refreshInvitations();
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
                refreshInvitations();
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
        refreshInvitations();
    }
}
