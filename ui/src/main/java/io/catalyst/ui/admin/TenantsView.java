package io.catalyst.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.StreamResourceWriter;
import io.catalyst.core.identity.BuiltInRole;
import io.catalyst.core.identity.Grantor;
import io.catalyst.core.identity.Impersonation;
import io.catalyst.core.identity.Invitations;
import io.catalyst.core.identity.Member;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.RoleNames;
import io.catalyst.core.identity.SignedIn;
import io.catalyst.core.identity.Users;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantExport;
import io.catalyst.core.tenancy.TenantStatus;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.Locale;

/** Platform administration: every client company, its status, and its lifecycle. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@PageTitle("Tenants · Catalyst")
@Navigation(title = "Tenants", icon = "vaadin:building", order = 800)
@RequiresPermission(Permissions.PLATFORM_TENANTS + ":manage")
public class TenantsView extends Div {

    private static final long serialVersionUID = 1L;

    private final transient Tenants tenants = Services.get(Tenants.class);
    private final TextField filter = new TextField();
    private java.util.List<Tenant> all = java.util.List.of();
    private java.util.List<Tenant> shown; // what the grid shows, as last set
    private final Grid<Tenant> grid = new Grid<>(Tenant.class, false);
    private final TextField name = new TextField("Company name");
    private final TextField slug = new TextField("Slug");
    private final EmailField admin = new EmailField("First admin's email");
    private java.util.Map<java.util.UUID, Long> members = java.util.Map.of();

    public TenantsView() {
        addClassName("screen");
        setId("tenants");

        name.setId("tenant-name-field");
        name.addValueChangeListener(e -> {
            if (e.isFromClient() && slug.isEmpty()) {
                slug.setValue(slugOf(e.getValue()));
            }
        });
        slug.setId("tenant-slug-field");
        slug.setHelperText("Lower-case letters, digits and hyphens; used in URLs and manifests");
        admin.setId("tenant-admin-field");
        admin.setHelperText("Optional: gets an invitation to set up the company");
        Button create = new Button("Create tenant", click -> create());
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormRow form = new FormRow(name, slug, admin, create);

        grid.setId("tenant-grid");
        grid.addColumn(Tenant::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(Tenant::slug).setHeader("Slug").setAutoWidth(true);
        grid.addColumn(t -> members.getOrDefault(t.id(), 0L) + " / " + t.quotaUsers()).setHeader("Users")
                .setAutoWidth(true);
        grid.addColumn(t -> t.onboarded() ? "done" : "step " + t.onboardingStep() + " of 5").setHeader("Setup")
                .setAutoWidth(true);
        grid.addColumn(Tenant::plan).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(t -> t.createdAt().toLocalDate()).setHeader("Created").setAutoWidth(true);
        // the status and the actions stay at the grid's end, frozen there, so that a phone (390 px) reaches them
        // without scrolling sideways; the actions wrap within at most half the screen's width
        grid.addComponentColumn(this::statusBadge).setHeader("Status").setKey("status").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setWidth("min(34em, 45vw)")
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.setAllRowsVisible(true);

        filter.setId("tenant-filter");
        filter.setPlaceholder("Find by name or slug");
        filter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> show());

        add(new H2("Tenants"), form, filter, grid);
        refresh();
    }

    private void create() {
        name.setInvalid(false);
        slug.setInvalid(false);
        admin.setInvalid(false);
        var user = UserSession.user().orElseThrow();
        try {
            boolean invite = !admin.isEmpty();
            Tenant created = invite
                    ? Services.get(Invitations.class).createClient(user.userId(), user.email(),
                            slug.getValue().trim(), name.getValue(), admin.getValue())
                    : tenants.create(user.userId(), user.email(), slug.getValue().trim(), name.getValue());
            Notification.show("Created " + created.name() + (invite ? " and invited " + admin.getValue() : ""))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            name.clear();
            slug.clear();
            admin.clear();
            refresh();
        } catch (ProblemException e) {
            for (Problem.FieldError error : e.errors()) {
                HasValidation field = switch (error.field()) {
                    case "slug" -> slug;
                    case "email", "roles" -> admin;
                    default -> name;
                };
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
            if (e.errors().isEmpty()) {
                Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    private Component actions(Tenant tenant) {
        var user = UserSession.user().orElseThrow();
        FlexLayout actions = new FlexLayout();
        actions.setId("tenant-actions-" + tenant.slug());
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.getStyle().set("gap", "0 var(--lumo-space-s)");
        if (tenant.status() != TenantStatus.OFFBOARDING) {
            boolean active = tenant.status() == TenantStatus.ACTIVE;
            Button change = new Button(active ? "Suspend" : "Reactivate", click -> {
                if (active) {
                    tenants.suspend(user.userId(), user.email(), tenant.id());
                } else {
                    tenants.reactivate(user.userId(), user.email(), tenant.id());
                }
                refresh();
            });
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, active ? ButtonVariant.LUMO_ERROR
                    : ButtonVariant.LUMO_SUCCESS);
            if (active && UserSession.permits(Impersonation.PERMISSION)) {
                Button impersonate = new Button("Act as…", click -> chooseMember(tenant));
                impersonate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                impersonate.setId("impersonate-" + tenant.slug());
                actions.add(impersonate);
            }
            Button appoint = new Button("Appoint admin…", click -> appointAdmin(tenant));
            appoint.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            appoint.setId("appoint-admin-" + tenant.slug());
            actions.add(appoint);
            Button offboard = new Button("Offboard", click -> confirmOffboarding(tenant));
            offboard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            offboard.setId("offboard-" + tenant.slug());
            actions.add(change, offboard);
        } else {
            actions.add(new Span("purged after " + tenant.purgeAfter().toLocalDate()));
        }
        Anchor export = new Anchor(new StreamResource(tenant.slug() + "-export.zip",
                (StreamResourceWriter) (out, session) -> export().write(tenant.id(), out)), "Export");
        export.setId("export-" + tenant.slug());
        export.getElement().setAttribute("download", true);
        actions.add(export);
        return actions;
    }

    // Acting as a member of the company: audited, and shown in a banner until ended.
    private void chooseMember(Tenant tenant) {
        Dialog choose = new Dialog();
        choose.setHeaderTitle("Act as a member of " + tenant.name());
        java.util.List<Member> people = Services.get(Users.class).members(tenant.id());
        if (people.isEmpty()) {
            Paragraph nobody = new Paragraph(tenant.name() + " has no members yet, so there is nobody to act as."
                    + " Appoint an admin first: they get an invitation by email.");
            nobody.setId("impersonate-nobody");
            Button appoint = new Button("Appoint admin…", click -> {
                choose.close();
                appointAdmin(tenant);
            });
            appoint.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            choose.add(nobody);
            choose.getFooter().add(new Button("Close", click -> choose.close()), appoint);
            choose.open();
            return;
        }
        Select<Member> member = new Select<>();
        member.setId("impersonate-member");
        member.setLabel("Member");
        member.setItems(people);
        member.setItemLabelGenerator(m -> m.name() + " (" + m.email() + ", " + String.join(", ",
                m.roles().stream().map(RoleNames::of).toList()) + ")");
        member.setWidthFull();
        Button start = new Button("Act as this member", click -> {
            if (member.isEmpty()) {
                member.setErrorMessage("Choose whom to act as");
                member.setInvalid(true);
                return;
            }
            var admin = UserSession.user().orElseThrow();
            SignedIn target = Services.get(Impersonation.class).start(admin.userId(), admin.email(), tenant.id(),
                    member.getValue().userId());
            UserSession.impersonate(target, tenant.id());
            choose.close();
            getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
        });
        start.setId("start-impersonation");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        choose.add(new Paragraph("Everything you do is recorded in the company's audit log as you acting as them."),
                member);
        choose.getFooter().add(new Button("Cancel", click -> choose.close()), start);
        choose.open();
    }

    /**
     * Makes someone the company's admin: an existing member gets the role, or an email address gets an invitation
     * as admin. Platform admins may give every role (Grantor.PLATFORM); the services audit it.
     */
    private void appointAdmin(Tenant tenant) {
        Dialog dialog = new Dialog();
        dialog.setId("appoint-admin-dialog");
        dialog.setHeaderTitle("Appoint an admin of " + tenant.name());
        Users users = Services.get(Users.class);
        String admin = BuiltInRole.TENANT_ADMIN.id();
        java.util.List<Member> candidates = users.members(tenant.id()).stream()
                .filter(m -> !m.roles().contains(admin)).toList();
        ComboBox<Member> member = new ComboBox<>("A member");
        member.setId("appoint-member");
        member.setItems(candidates);
        member.setItemLabelGenerator(m -> m.name() + " (" + m.email() + ")");
        member.setWidthFull();
        member.setVisible(!candidates.isEmpty());
        EmailField email = new EmailField(candidates.isEmpty() ? "Invite by email" : "Or invite by email");
        email.setId("appoint-email");
        email.setHelperText("They get an invitation to join as Tenant admin");
        email.setWidthFull();
        Button appoint = new Button("Appoint admin", click -> {
            var user = UserSession.user().orElseThrow();
            member.setInvalid(false);
            email.setInvalid(false);
            try {
                if (!member.isEmpty()) {
                    Member chosen = member.getValue();
                    java.util.List<String> roles = new java.util.ArrayList<>(chosen.roles());
                    roles.add(admin);
                    users.changeRoles(user.userId(), user.email(), Grantor.PLATFORM, tenant.id(), chosen.userId(),
                            roles);
                    Notification.show(chosen.name() + " is now an admin of " + tenant.name())
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } else if (!email.isEmpty()) {
                    Services.get(Invitations.class).invite(user.userId(), user.email(), Grantor.PLATFORM,
                            tenant.id(), email.getValue(), java.util.List.of(admin));
                    Notification.show("Invited " + email.getValue().trim() + " as admin of " + tenant.name())
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } else {
                    (candidates.isEmpty() ? email : member).setErrorMessage(candidates.isEmpty()
                            ? "Give their email address" : "Choose a member, or give an email address");
                    (candidates.isEmpty() ? email : member).setInvalid(true);
                    return;
                }
                dialog.close();
                refresh();
            } catch (ProblemException e) {
                HasValidation field = member.isEmpty() ? email : member;
                field.setErrorMessage(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
                field.setInvalid(true);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(TenantsView.class.getName())
                        .log(java.util.logging.Level.WARNING, "appointing an admin failed", e);
                Notification.show("Nobody was appointed: " + (member.isEmpty() ? "the invitation could not be sent"
                        + " (is the mail server reachable?)" : "the roles could not be saved") + ". Try again.")
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        appoint.setId("confirm-appoint-admin");
        appoint.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("An admin can do everything within the company, including inviting its other"
                + " members."), member, email);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), appoint);
        dialog.open();
    }

    private void confirmOffboarding(Tenant tenant) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Offboard " + tenant.name() + "?");
        confirm.add(new Paragraph("Nobody of the company can sign in from now on. Its data can be exported until the"
                + " grace period ends; then it is deleted everywhere, its audit log included."));
        Button yes = new Button("Offboard", click -> {
            var user = UserSession.user().orElseThrow();
            tenants.offboard(user.userId(), user.email(), tenant.id());
            confirm.close();
            refresh();
        });
        yes.setId("confirm-offboard");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), yes);
        confirm.open();
    }

    private static TenantExport export() {
        return Services.get(TenantExport.class);
    }

    private Span statusBadge(Tenant tenant) {
        Span badge = status(tenant.status());
        badge.setId("tenant-status-" + tenant.slug());
        return badge;
    }

    private static Span status(TenantStatus status) {
        Span badge = new Span(switch (status) {
            case ACTIVE -> "Active";
            case SUSPENDED -> "Suspended";
            case OFFBOARDING -> "Offboarding";
        });
        badge.getElement().getThemeList().add("badge" + switch (status) {
            case ACTIVE -> " success";
            case SUSPENDED -> " error";
            case OFFBOARDING -> " contrast";
        });
        return badge;
    }

    private void refresh() {
        members = tenants.memberCounts();
        all = tenants.all();
        shown = null; // the counts may have changed: render every row anew
        show();
    }

    /**
     * Shows the tenants the filter matches. Rows that stay the same are left alone: setting the items again renders
     * every row with new buttons, and the filter's value travels lazily, together with the next event. A click on
     * "Act as…" right after typing (the filter not yet sent) thus reached the server behind the filter's value, found
     * its button replaced, and was dropped without a word, even when the filter left the very same row on screen.
     */
    private void show() {
        String wanted = filter.getValue().trim().toLowerCase(Locale.ROOT);
        java.util.List<Tenant> matching = all.stream().filter(t -> wanted.isEmpty() || t.slug().contains(wanted)
                || t.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        if (!matching.equals(shown)) {
            shown = matching;
            grid.setItems(matching);
        }
    }

    static String slugOf(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 63 ? slug.substring(0, 63) : slug;
    }
}
