package io.catalyst.plugins.tasks;

import io.catalyst.api.settings.FieldError;
import io.catalyst.api.settings.SettingField;
import io.catalyst.api.settings.SettingType;
import io.catalyst.api.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The company's SLA: business hours, holidays and targets per priority. Tenant admins change it. */
@Extension
public class TasksSettings implements SettingsSchema {

    static final String HOURS = "business-hours";
    static final String HOLIDAYS = "holidays";
    static final String RESPONSE = "sla-first-response";
    static final String DONE = "sla-done";

    @Override
    public List<SettingField> fields() {
        return List.of(
                new SettingField(HOURS, "Business hours", SettingType.STRING, false, SlaPolicy.DEFAULT_HOURS,
                        List.of(), "Days and hours the SLA clock runs, in the company's time zone, e.g."
                        + " Mon-Thu 09:00-17:30; Fri 09:00-15:00"),
                new SettingField(HOLIDAYS, "Holidays", SettingType.STRING, false, "", List.of(),
                        "Days the clock stops, as dates separated by commas, e.g. 2026-12-25, 2026-12-26"),
                new SettingField(RESPONSE, "First response targets (business hours)", SettingType.STRING, false,
                        SlaPolicy.DEFAULT_RESPONSE, List.of(),
                        "Per priority: a first comment or status change by someone other than the creator"),
                new SettingField(DONE, "Done targets (business hours)", SettingType.STRING, false,
                        SlaPolicy.DEFAULT_DONE, List.of(), "Per priority: from creation to done"));
    }

    @Override
    public List<FieldError> validate(Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, HOURS, () -> BusinessClock.parseHours(orDefault(values.get(HOURS), SlaPolicy.DEFAULT_HOURS)));
        check(errors, HOLIDAYS, () -> BusinessClock.parseHolidays(values.get(HOLIDAYS)));
        check(errors, RESPONSE, () -> SlaPolicy.parseTargets(orDefault(values.get(RESPONSE),
                SlaPolicy.DEFAULT_RESPONSE)));
        check(errors, DONE, () -> SlaPolicy.parseTargets(orDefault(values.get(DONE), SlaPolicy.DEFAULT_DONE)));
        return errors;
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void check(List<FieldError> errors, String field, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
    }
}
