package io.catalyst.sdk.testkit.sample;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import io.catalyst.api.PluginContext;
import io.catalyst.api.PluginProblem;
import io.catalyst.api.UserInfo;
import io.catalyst.api.events.PlatformEvent;
import io.catalyst.api.events.PlatformEventListener;
import io.catalyst.api.host.HttpRequestSpec;
import io.catalyst.api.host.Notification;
import io.catalyst.api.jobs.JobSchedule;
import io.catalyst.api.jobs.PluginJob;
import io.catalyst.api.rest.HttpMethod;
import io.catalyst.api.rest.PluginRequest;
import io.catalyst.api.rest.PluginResponse;
import io.catalyst.api.rest.RestEndpoint;
import io.catalyst.api.security.PermissionDeclaration;
import io.catalyst.api.security.PluginPermissions;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.api.settings.SettingsSchema;
import io.catalyst.api.ui.UiScreen;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/** The testkit's own plugin under test: one of each extension point, each using some host service. */
public final class SampleExtensions {

    private SampleExtensions() {
    }

    /** Declares the one permission everything below needs. */
    @Extension
    public static class Permissions implements PluginPermissions {
        @Override
        public List<PermissionDeclaration> permissions() {
            return List.of(new PermissionDeclaration("sample:read", "See greetings"));
        }
    }

    /** One setting with a default. */
    @Extension
    public static class Settings implements SettingsSchema {
        @Override
        public List<SettingField> fields() {
            return List.of(new SettingField("greeting", "Greeting", SettingType.STRING, true, "Hello", null, null));
        }
    }

    /** Greets the signed-in user. */
    @Extension
    public static class Screen implements UiScreen {
        // @formatter:off
        @Override public String route() { return "greeting"; }
        @Override public String title() { return "Greeting"; }
        @Override public String navIcon() { return "vaadin:smiley-o"; }
        @Override public String requiredPermission() { return "sample:read"; }
        // @formatter:on

        @Override
        public Component create(PluginContext ctx) {
            return create(ctx, Map.of());
        }

        // greeting?to=Bo greets Bo instead of the user
        @Override
        public Component create(PluginContext ctx, Map<String, List<String>> parameters) {
            String name = parameters.getOrDefault("to", List.of()).stream().findFirst()
                    .orElse(ctx.user().map(UserInfo::name).orElse("nobody"));
            return new Div(new H2(ctx.settings().get("greeting") + ", " + name + "!"));
        }
    }

    /** {@code GET greetings/{name}}; "nobody" is a deliberate 400. */
    @Extension
    public static class Greet implements RestEndpoint {
        // @formatter:off
        @Override public HttpMethod method() { return HttpMethod.GET; }
        @Override public String path() { return "greetings/{name}"; }
        @Override public String requiredPermission() { return "sample:read"; }
        // @formatter:on

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            String name = request.pathParams().get("name");
            if (name.equals("nobody")) {
                throw PluginProblem.badRequest("nobody cannot be greeted");
            }
            String punctuation = request.query("loud").isPresent() ? "!" : ".";
            return PluginResponse.json("{\"greeting\":\"" + ctx.settings().get("greeting") + ", " + name
                    + punctuation + "\"}");
        }
    }

    /** {@code GET remote?host=...}: calls out through the host's HTTP client. */
    @Extension
    public static class Remote implements RestEndpoint {
        // @formatter:off
        @Override public HttpMethod method() { return HttpMethod.GET; }
        @Override public String path() { return "remote"; }
        @Override public String requiredPermission() { return "sample:read"; }
        // @formatter:on

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            URI uri = URI.create("https://" + request.query("host").orElse("api.example.com") + "/v1/status");
            return PluginResponse.json(ctx.http().send(HttpRequestSpec.get(uri, Map.of())).body());
        }
    }

    /** Needs a permission the plugin forgot to declare. */
    @Extension
    public static class Undeclared implements RestEndpoint {
        // @formatter:off
        @Override public HttpMethod method() { return HttpMethod.POST; }
        @Override public String path() { return "admin"; }
        @Override public String requiredPermission() { return "sample:admin"; }
        @Override public PluginResponse handle(PluginRequest request, PluginContext ctx) { return PluginResponse.noContent(); }
        // @formatter:on
    }

    /** {@code GET slow}: sleeps past any reasonable time limit. */
    @Extension
    public static class Slow implements RestEndpoint {
        // @formatter:off
        @Override public HttpMethod method() { return HttpMethod.GET; }
        @Override public String path() { return "slow"; }
        @Override public String requiredPermission() { return "sample:read"; }
        // @formatter:on

        @Override
        public PluginResponse handle(PluginRequest request, PluginContext ctx) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PluginResponse.noContent();
        }
    }

    /** Deletes old greetings, audits and announces it; refuses to run with a user. */
    @Extension
    public static class Cleanup implements PluginJob {
        // @formatter:off
        @Override public String name() { return "cleanup"; }
        @Override public JobSchedule schedule() { return JobSchedule.every(Duration.ofHours(1)); }
        // @formatter:on

        @Override
        public void run(PluginContext ctx) {
            if (ctx.user().isPresent()) {
                throw new IllegalStateException("jobs run without a user");
            }
            int rows = ctx.data().update("delete from greeting where created < now() - interval '30 days'");
            ctx.audit().record("greeting:cleaned", "greeting", null, "{\"deleted\":" + rows + "}");
            ctx.events().publish("sample.cleaned", Map.of("deleted", rows));
        }
    }

    /** Tells admins about new campaigns and schedules a cleanup. */
    @Extension
    public static class OnCampaign implements PlatformEventListener {
        @Override
        public Set<String> topics() {
            return Set.of("campaign.created");
        }

        @Override
        public void on(PlatformEvent event, PluginContext ctx) {
            ctx.notifications().notifyRole("admin", new Notification("New campaign", "" + event.payload().get("name"),
                    null));
            ctx.scheduler().runLater("cleanup", Duration.ofMinutes(5));
        }
    }
}
