package io.catalyst.ui.ai;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.catalyst.api.ai.Credits;
import io.catalyst.core.ai.AiCredits;
import io.catalyst.core.ai.ModelEndpoint;
import io.catalyst.core.ai.ModelProvider;
import io.catalyst.core.ai.ModelSettings;
import io.catalyst.core.identity.Permissions;
import io.catalyst.ui.shell.MainLayout;
import io.catalyst.ui.shell.Navigation;
import io.catalyst.ui.shell.RequiresPermission;
import io.catalyst.ui.shell.Services;
import io.catalyst.ui.shell.UserSession;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The company's AI credits this month, whether its model answers, and who used how much over the last months. */
@Route(value = "ai-usage", layout = MainLayout.class)
@PageTitle("AI credits · Catalyst")
@Navigation(title = "AI credits", icon = "vaadin:coin-piles", order = 695)
@RequiresPermission(Permissions.AI_USAGE)
public class AiUsageView extends Div {

    private static final long serialVersionUID = 1L;

    public AiUsageView() {
        addClassName("screen");
        setId("ai-usage");
        UUID tenant = UserSession.tenant().orElseThrow().tenantId();
        AiCredits ledger = Services.get(AiCredits.class);
        Credits credits = ledger.credits(tenant);
        Optional<ModelEndpoint> endpoint = Services.get(ModelSettings.class).endpoint(tenant);

        String month = credits.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + credits.month().getYear();
        Span summary = new Span(String.format(Locale.ENGLISH, "%,d of %,d credits used in %s; %,d left. They renew"
                + " on %s.", credits.used(), credits.quota(), month, credits.left(),
                credits.month().plusMonths(1).atDay(1)));
        summary.setId("ai-credits-summary");
        ProgressBar bar = new ProgressBar(0, Math.max(1, credits.quota()), Math.min(credits.used(),
                Math.max(1, credits.quota())));
        bar.setId("ai-credits-bar");
        if (credits.exhausted()) {
            bar.addThemeVariants(com.vaadin.flow.component.progressbar.ProgressBarVariant.LUMO_ERROR);
        }
        Paragraph explain = new Paragraph("One credit is 1,000 tokens (question, data and answer together), as the"
                + " model provider counts them. When the credits are used, the assistant stops answering until the"
                + " month renews; recommendations go on, written from templates.");
        explain.getStyle().set("color", "var(--lumo-secondary-text-color)");

        Span model = new Span(endpoint.isEmpty() ? "No AI model is set up on this platform."
                : Services.get(ModelProvider.class).closed(endpoint.get())
                        ? "Model: " + endpoint.get().model() + (endpoint.get().own() ? " (your company's own)" : "")
                                + ", answering."
                        : "Model: " + endpoint.get().model() + ", not answering right now; the assistant pauses.");
        model.setId("ai-model-status");

        Grid<AiCredits.Line> grid = new Grid<>(AiCredits.Line.class, false);
        grid.setId("ai-usage-grid");
        grid.addColumn(l -> l.month().toString()).setHeader("Month").setAutoWidth(true);
        grid.addColumn(l -> l.user() == null ? (l.userId() == null ? "Background work" : "Former member")
                : l.user()).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AiCredits.Line::pluginId).setHeader("Feature").setAutoWidth(true);
        grid.addColumn(AiCredits.Line::calls).setHeader("Calls").setAutoWidth(true);
        grid.addColumn(l -> String.format(Locale.ENGLISH, "%,d", l.inputTokens() + l.outputTokens()))
                .setHeader("Tokens").setAutoWidth(true);
        grid.addColumn(AiCredits.Line::credits).setHeader("Credits").setAutoWidth(true);
        grid.addColumn(AiCredits.Line::failures).setHeader("Failed calls").setAutoWidth(true);
        List<AiCredits.Line> lines = ledger.ledger(tenant, 6);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        Div usage = lines.isEmpty() ? new Div(new Paragraph("Nobody has used the assistant yet.")) : new Div(grid);
        usage.setId("ai-usage-lines");

        add(new H2("AI credits"), summary, bar, explain, model, new H3("Use over the last six months"), usage);
    }
}
