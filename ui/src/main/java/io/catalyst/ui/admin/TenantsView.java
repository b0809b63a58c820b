package io.catalyst.ui.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.tenancy.Tenant;
import io.catalyst.core.tenancy.TenantStatus;
import io.catalyst.core.tenancy.Tenants;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.util.Locale;

/** Platform administration: every client company, its status, and its lifecycle. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@PageTitle("Tenants · Catalyst")
@RequiresPermission(Permissions.PLATFORM_TENANTS + ":manage")
public class TenantsView extends Div {

    private static final long serialVersionUID = 1L;

    private final transient Tenants tenants = Services.get(Tenants.class);
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
        FlexLayout form = new FlexLayout(name, slug, admin, create);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");

        grid.setId("tenant-grid");
        grid.addColumn(Tenant::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(Tenant::slug).setHeader("Slug").setAutoWidth(true);
        grid.addComponentColumn(t -> status(t.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> members.getOrDefault(t.id(), 0L) + " / " + t.quotaUsers()).setHeader("Users")
                .setAutoWidth(true);
        grid.addColumn(t -> t.onboarded() ? "done" : "step " + t.onboardingStep() + " of 5").setHeader("Setup")
                .setAutoWidth(true);
        grid.addColumn(Tenant::plan).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(t -> t.createdAt().toLocalDate()).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("Tenants"), form, grid);
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
                    ? tenants.createClient(user.userId(), user.email(), slug.getValue().trim(), name.getValue(),
                            admin.getValue())
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

    private Button actions(Tenant tenant) {
        var user = UserSession.user().orElseThrow();
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
        change.setEnabled(tenant.status() != TenantStatus.OFFBOARDING);
        return change;
    }

    private static Span status(TenantStatus status) {
        Span badge = new Span(status.name().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add("badge" + switch (status) {
            case ACTIVE -> " success";
            case SUSPENDED -> " error";
            case OFFBOARDING -> " contrast";
        });
        return badge;
    }

    private void refresh() {
        members = tenants.memberCounts();
        grid.setItems(tenants.all());
    }

    static String slugOf(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 63 ? slug.substring(0, 63) : slug;
    }
}
