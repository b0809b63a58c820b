package io.catalyst.core.ai;

import io.catalyst.api.ai.Credits;
import io.catalyst.core.api.CallerContext;
import io.catalyst.core.api.Requires;
import io.catalyst.core.identity.Caller;
import io.catalyst.core.identity.Permissions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The company's own AI credits and model state, for its admins. */
@Path("tenant/ai")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "AI", description = "The company's AI credits and model")
@SecurityRequirement(name = "bearer")
public class TenantAiResource {

    @Inject
    CallerContext callers;

    @Inject
    AiCredits credits;

    @Inject
    ModelSettings settings;

    @Inject
    ModelProvider provider;

    /** A company's AI state: this month's credits, whether a model answers, and the ledger of the last months. */
    public record Usage(CreditsView credits, boolean modelConfigured, boolean modelAnswering, String model,
                        List<LineView> lines) {
    }

    /** A month's credits; the month as {@code YYYY-MM}. */
    public record CreditsView(String month, long used, long quota, long left) {
        static CreditsView of(Credits c) {
            return new CreditsView(c.month().toString(), c.used(), c.quota(), c.left());
        }
    }

    /** One line of the ledger: a month, a feature (plugin) and a person. */
    public record LineView(String month, String pluginId, java.util.UUID userId, String user, int calls,
                           long inputTokens, long outputTokens, long credits, int failures) {
        static LineView of(AiCredits.Line l) {
            return new LineView(l.month().toString(), l.pluginId(), l.userId(), l.user(), l.calls(), l.inputTokens(),
                    l.outputTokens(), l.credits(), l.failures());
        }
    }

    @GET
    @Requires(Permissions.AI_USAGE)
    @Operation(summary = "The company's AI credits this month and who used them over the last six months")
    public Usage usage() {
        Caller caller = callers.caller();
        var endpoint = settings.endpoint(caller.tenantId());
        return new Usage(CreditsView.of(credits.credits(caller.tenantId())), endpoint.isPresent(),
                endpoint.map(provider::closed).orElse(false), endpoint.map(ModelEndpoint::model).orElse(null),
                credits.ledger(caller.tenantId(), 6).stream().map(LineView::of).toList());
    }
}
