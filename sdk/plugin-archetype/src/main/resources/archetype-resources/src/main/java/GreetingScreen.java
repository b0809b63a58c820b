package ${package};

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.catalyst.api.PluginContext;
import io.catalyst.api.ui.UiScreen;
import org.pf4j.Extension;

/** A screen at {@code plugins/${pluginId}/hello}, in the side navigation of tenants that enabled the plugin. */
@Extension
public class GreetingScreen implements UiScreen {

    @Override
    public String route() {
        return "hello";
    }

    @Override
    public String title() {
        return "Hello";
    }

    @Override
    public String navIcon() {
        return "vaadin:smiley-o";
    }

    @Override
    public String requiredPermission() {
        return GreetingPermissions.READ;
    }

    @Override
    public Component create(PluginContext ctx) {
        return new Div(new H2(Greeting.forUser(ctx)),
                new Paragraph("Greetings from the " + ctx.pluginId() + " plugin to " + ctx.tenant().name() + "."));
    }
}
