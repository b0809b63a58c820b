package io.catalyst.ui.ai;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.core.ai.AiCredits;
import io.catalyst.core.ai.ModelSettings;
import io.catalyst.core.audit.AuditEntry;
import io.catalyst.core.audit.AuditLog;
import io.catalyst.core.identity.Permissions;
import io.catalyst.core.web.ProblemException;
import io.catalyst.ui.shell.FormRow;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every company's AI credits in a month, for platform admins, and which model each company uses: the platform's, or
 * its own endpoint (set here by those who manage companies; audited). Looking is audited like the portfolio.
 */
@Route(value = "admin/ai", layout = MainLayout.class)
@PageTitle("AI usage · Catalyst")
@Navigation(title = "AI usage", icon = "vaadin:coin-piles", order = 810)
@RequiresPermission(Permissions.PLATFORM_PORTFOLIO + ":read")
public class PlatformAiView extends Div {

    private static final long serialVersionUID = 1L;

    private final Grid<AiCredits.CompanyMonth> grid = new Grid<>(AiCredits.CompanyMonth.class, false);
    private final Select<YearMonth> month = new Select<>();

    public PlatformAiView() {
        addClassName("screen");
        setId("platform-ai");
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        month.setLabel("Month");
        month.setId("platform-ai-month");
        month.setItems(IntStream.range(0, 6).mapToObj(now::minusMonths).toList());
        month.setValue(now);
        month.addValueChangeListener(e -> show());

        grid.setId("platform-ai-grid");
        grid.addColumn(AiCredits.CompanyMonth::name).setHeader("Company").setAutoWidth(true).setSortable(true);
        grid.addColumn(AiCredits.CompanyMonth::calls).setHeader("Calls").setAutoWidth(true);
        grid.addColumn(c -> String.format(Locale.ENGLISH, "%,d of %,d", c.credits(), c.quota()))
                .setHeader("Credits").setAutoWidth(true);
        grid.addColumn(c -> c.quota() == 0 ? "" : Math.min(999, c.credits() * 100 / c.quota()) + " %")
                .setHeader("Used").setAutoWidth(true);
        grid.addColumn(AiCredits.CompanyMonth::failures).setHeader("Failed calls").setAutoWidth(true);
        ModelSettings settings = Services.get(ModelSettings.class);
        grid.addColumn(c -> {
            ModelSettings.View v = settings.view(c.tenantId());
            return v.baseUrl() == null ? "none" : v.model() + (v.own() ? " (own endpoint)" : "");
        }).setHeader("Model").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("AI usage"), month, grid);
        if (UserSession.permits(Permissions.PLATFORM_TENANTS + ":manage")) {
            add(modelForm(settings));
        }
        show();
    }

    private void show() {
        var user = UserSession.user().orElseThrow();
        List<AiCredits.CompanyMonth> all = Services.get(AiCredits.class).companies(month.getValue());
        Services.get(AuditLog.class).record(new AuditEntry(null, user.userId(), UserSession.actor(),
                "platform.ai.usage.viewed", "ai-usage", month.getValue().toString(), null,
                Map.of("companies", all.size())));
        grid.setItems(all);
    }

    // a company's own endpoint: where its data goes, so only HTTPS hosts the platform allows
    private Div modelForm(ModelSettings settings) {
        ComboBox<AiCredits.CompanyMonth> company = new ComboBox<>("Company");
        company.setId("platform-ai-company");
        company.setItems(Services.get(AiCredits.class).companies(month.getValue()));
        company.setItemLabelGenerator(AiCredits.CompanyMonth::name);
        TextField baseUrl = new TextField("Base URL");
        baseUrl.setId("platform-ai-url");
        baseUrl.setPlaceholder("https://api.openai.com/v1");
        TextField model = new TextField("Model");
        model.setId("platform-ai-model");
        PasswordField key = new PasswordField("API key");
        key.setId("platform-ai-key");
        key.setHelperText("Stored encrypted; never shown again");
        var user = UserSession.user().orElseThrow();
        Button save = new Button("Use this model", e -> {
            if (company.isEmpty()) {
                company.setInvalid(true);
                company.setErrorMessage("Choose a company");
                return;
            }
            try {
                settings.set(company.getValue().tenantId(), baseUrl.getValue(), model.getValue(), key.getValue(),
                        user.userId(), UserSession.actor());
                key.clear();
                Notification.show(company.getValue().name() + " now uses " + model.getValue())
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show();
            } catch (ProblemException problem) {
                baseUrl.setErrorMessage(problem.getMessage());
                baseUrl.setInvalid(true);
            }
        });
        save.setId("platform-ai-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button("Use the platform's model", e -> {
            if (!company.isEmpty()) {
                settings.clear(company.getValue().tenantId(), user.userId(), UserSession.actor());
                Notification.show(company.getValue().name() + " uses the platform's model again");
                show();
            }
        });
        reset.setId("platform-ai-reset");
        Paragraph note = new Paragraph("A company's own endpoint receives its questions and figures. Only HTTPS"
                + " hosts listed in catalyst.ai.allowed-hosts are accepted.");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(new H3("A company's own model"), note, new FormRow(company, baseUrl, model, key, save, reset));
    }
}
