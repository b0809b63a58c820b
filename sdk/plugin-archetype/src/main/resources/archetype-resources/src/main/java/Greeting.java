package ${package};

import io.catalyst.api.PluginContext;
import io.catalyst.api.UserInfo;

/** The one piece of logic, shared by the screen and the endpoint. */
final class Greeting {

    private Greeting() {
    }

    /** E.g. {@code Hello, Ada!} with the tenant's greeting and the signed-in user's name. */
    static String forUser(PluginContext ctx) {
        String greeting = ctx.settings().getOrDefault(GreetingSettings.GREETING, GreetingSettings.DEFAULT_GREETING);
        String name = ctx.user().map(UserInfo::name).orElse("there");
        return greeting + ", " + name + "!";
    }
}
