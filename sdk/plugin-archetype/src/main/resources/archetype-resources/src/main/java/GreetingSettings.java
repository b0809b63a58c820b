package ${package};

import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.api.settings.SettingsSchema;
import java.util.List;
import org.pf4j.Extension;

/** Per-tenant settings: the host renders them as a form on the company's Plugins screen, checks and stores them. */
@Extension
public class GreetingSettings implements SettingsSchema {

    /** The key of the greeting setting. */
    public static final String GREETING = "greeting";

    /** What a tenant gets until it sets its own greeting. */
    public static final String DEFAULT_GREETING = "Hello";

    @Override
    public List<SettingField> fields() {
        return List.of(new SettingField(GREETING, "Greeting", SettingType.STRING, true, DEFAULT_GREETING, null,
                "The word the screen and the endpoint greet users with"));
    }
}
