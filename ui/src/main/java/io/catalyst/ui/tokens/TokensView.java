package io.catalyst.ui.tokens;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.identity.ApiToken;
import io.catalyst.core.identity.Permission;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.identity.Tokens;
import io.catalyst.core.web.Problem;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

/** The company's API tokens: issue one (shown once), see when each was last used, revoke it. */
@Route(value = "api-tokens", layout = MainLayout.class)
@PageTitle("API tokens · Catalyst")
@Navigation(title = "API tokens", icon = "vaadin:key", order = 710)
@RequiresPermission(Permissions.TOKENS_MANAGE)
public class TokensView extends Div {

    private static final long serialVersionUID = 1L;

    private final transient Tokens tokens = Services.get(Tokens.class);
    private final UUID tenantId = UserSession.tenant().orElseThrow().tenantId();
    private final Grid<ApiToken> grid = new Grid<>(ApiToken.class, false);

    public TokensView() {
        addClassName("screen");
        setId("api-tokens");

        TextField name = new TextField("Name");
        name.setId("token-name");
        RadioButtonGroup<ApiToken.Kind> kind = new RadioButtonGroup<>("Acts as");
        kind.setId("token-kind");
        // the kinds a company issues; platform tokens are the operator's
        kind.setItems(ApiToken.Kind.PERSONAL, ApiToken.Kind.SERVICE);
        kind.setItemLabelGenerator(TokensView::kindName);
        kind.setValue(ApiToken.Kind.SERVICE);
        MultiSelectComboBox<String> permissions = new MultiSelectComboBox<>("Permissions");
        permissions.setId("token-permissions");
        permissions.setItems(Permissions.registry().tenantRelative().stream().map(Permission::name)
                .filter(UserSession::permits).toList());
        IntegerField days = new IntegerField("Days valid");
        days.setValue(90);
        days.setMin(1);
        days.setMax(366);
        days.setId("token-days");
        Button issue = new Button("Issue token", click -> {
            var user = UserSession.user().orElseThrow();
            name.setInvalid(false);
            permissions.setInvalid(false);
            days.setInvalid(false);
            kind.setInvalid(false);
            try {
                Tokens.Issued issued = tokens.issue(user.userId(), UserSession.actor(), tenantId, kind.getValue(),
                        name.getValue(), new ArrayList<>(permissions.getValue()),
                        Duration.ofDays(days.getValue() == null ? 0 : days.getValue()));
                showOnce(issued);
                name.clear();
                permissions.clear();
                refresh();
            } catch (ProblemException e) {
                for (Problem.FieldError error : e.errors()) {
                    HasValidation field = switch (error.field()) {
                        case "name" -> name;
                        case "permissions" -> permissions;
                        case "expiresInDays" -> days;
                        default -> kind;
                    };
                    field.setErrorMessage(error.message());
                    field.setInvalid(true);
                }
                failed(e.getMessage());
            } catch (RuntimeException e) {
                // whatever it was, the screen says so instead of staying silent; the log has the details
                java.util.logging.Logger.getLogger(TokensView.class.getName())
                        .log(java.util.logging.Level.WARNING, "issuing a token failed", e);
                failed("The token could not be issued. Try again; if it keeps failing, tell your platform admin.");
            }
        });
        issue.setId("issue-token");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormRow form = new FormRow(name, kind, permissions, days, issue);

        grid.setId("token-grid");
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> kindName(t.kind())).setHeader("Acts as").setAutoWidth(true);
        grid.addColumn(t -> String.join(", ", t.permissions())).setHeader("Permissions").setFlexGrow(1);
        grid.addColumn(t -> t.expiresAt().toLocalDate()).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : t.lastUsedAt().toLocalDate().toString())
                .setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (t.revokedAt() != null) {
                return new Paragraph("revoked");
            }
            Button revoke = new Button("Revoke", click -> confirmRevoke(t));
            revoke.setId("revoke-" + t.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("API tokens"), form, grid);
        refresh();
    }

    static String kindName(ApiToken.Kind kind) {
        return switch (kind) {
            case PERSONAL -> "You (personal)";
            case SERVICE -> "The company (service)";
            case PLATFORM -> "The platform";
        };
    }

    private static void failed(String message) {
        Notification failure = Notification.show(message, 8000, Notification.Position.BOTTOM_START);
        failure.addThemeVariants(NotificationVariant.LUMO_ERROR);
        failure.setId("token-failed");
    }

    private void confirmRevoke(ApiToken token) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Revoke " + token.name() + "?");
        confirm.add(new Paragraph("Whatever uses this token stops working at once. This cannot be undone."));
        Button yes = new Button("Revoke", click -> {
            var user = UserSession.user().orElseThrow();
            try {
                tokens.revoke(user.userId(), UserSession.actor(), tenantId, token.id());
            } catch (ProblemException e) {
                failed(e.getMessage());
            }
            confirm.close();
            refresh();
        });
        yes.setId("confirm-revoke");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), yes);
        confirm.open();
    }

    private void showOnce(Tokens.Issued issued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Copy your token now");
        TextArea secret = new TextArea();
        secret.setId("issued-token");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.getStyle().set("max-width", "36rem").set("min-width", "min(36rem, 80vw)");
        Button copy = new Button("Copy", new Icon(VaadinIcon.COPY), click -> {
            copyFrom(secret);
            Notification.show("Copied").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        copy.setId("copy-token");
        dialog.add(new Paragraph("This is the only time it is shown. Send it as 'Authorization: Bearer …'."), secret);
        dialog.getFooter().add(copy, new Button("Done", click -> dialog.close()));
        dialog.open();
    }

    private static void copyFrom(TextArea secret) {
        secret.getElement().executeJs("const v = this.value; if (navigator.clipboard) {"
                + " navigator.clipboard.writeText(v).catch(() => {}); }"
                + " const t = this.inputElement; if (t) { t.select(); }");
    }

    private void refresh() {
        grid.setItems(tokens.list(tenantId));
    }
}
