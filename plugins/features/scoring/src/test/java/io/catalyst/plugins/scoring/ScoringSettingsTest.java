package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringSettingsTest {

    @Test
    void einsteinsThresholdsByDefault() {
        ScoringSettings s = ScoringSettings.of(Map.of());
        assertThat(s).isEqualTo(new ScoringSettings(1000, 120, 200, 90, Set.of(), true, true));
    }

    @Test
    void badValuesAreRefusedWithTheirKey() {
        assertThat(ScoringSettings.of(Map.of("excluded-fields", " country, form ")).excluded())
                .containsExactlyInAnyOrder("country", "form");
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("excluded-fields", "salary")))
                .isInstanceOf(ScoringSettings.BadSetting.class).hasMessageContaining("no field salary")
                .extracting(e -> ((ScoringSettings.BadSetting) e).key()).isEqualTo("excluded-fields");
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("min-leads", "ten")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("horizon-days", "3"))).hasMessageContaining("between 7");
        assertThat(ScoringSettings.of(Map.of("crm-write-back", " FALSE ")).writeBack()).isFalse();
        assertThat(ScoringSettings.of(Map.of("points-model", "{\"halfLifeDays\": 30, \"criteria\": [{\"feature\":"
                + " \"form\", \"value\": \"Demo request\", \"points\": 30}], \"thresholds\": []}"))).isNotNull();
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("points-model", "{\"criteria\": [{\"feature\": \"salary\","
                + " \"value\": \"high\", \"points\": 5}], \"thresholds\": []}")))
                .isInstanceOf(ScoringSettings.BadSetting.class).hasMessageContaining("not a points model")
                .hasMessageContaining("salary");
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("hot-lead-tasks", "yes")))
                .hasMessageContaining("true or false");
    }

    @Test
    void segmentsByACategoricalFieldWithTheirOwnExclusions() {
        ScoringSettings s = ScoringSettings.of(Map.of("segment-by", "channel", "segment-excluded-fields",
                "Google Ads: industry, size; Web form: emailOpens ;"));
        assertThat(s.segmentBy()).isEqualTo("channel");
        assertThat(s.excludedIn("Google Ads")).containsExactlyInAnyOrder("industry", "size", "channel");
        assertThat(s.excludedIn("google ads")).as("as people write it").contains("industry");
        assertThat(s.excludedIn("TikTok Ads")).as("only the segment's feature").containsExactly("channel");
        assertThat(ScoringSettings.of(Map.of("segment-by", "none")).segmentBy()).isNull();
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("segment-by", "pageViews")))
                .hasMessageContaining("one of channel");
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("segment-excluded-fields", "Google Ads industry")))
                .hasMessageContaining("Google Ads: industry, size");
        assertThatThrownBy(() -> ScoringSettings.of(Map.of("segment-excluded-fields", "Web form: salary")))
                .hasMessageContaining("no field salary");
    }
}
