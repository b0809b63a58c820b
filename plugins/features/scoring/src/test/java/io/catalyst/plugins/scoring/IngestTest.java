package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.metrics.RecordPage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestTest {

    private static RecordPage.WarehouseRecord contact(String stage, String properties) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("email", "ada@example.com");
        fields.put("name", "Ada Abbott");
        fields.put("company", "Helix Labs");
        fields.put("lifecycle_stage", stage);
        fields.put("created_at", "2026-09-01T10:00:00Z");
        fields.put("updated_at", "2026-10-20T10:00:00Z");
        fields.put("properties", properties);
        return new RecordPage.WarehouseRecord("hubspot", "501", Instant.parse("2026-10-21T00:00:00Z"), fields);
    }

    @Test
    void aContactIsALeadWithItsFacts() {
        Leads.Incoming in = Ingest.contact(contact("lead", "{\"jobtitle\": \"CEO\"}"));
        assertThat(in.source()).isEqualTo("hubspot");
        assertThat(in.externalId()).isEqualTo("501");
        assertThat(in.createdAt()).isEqualTo(Instant.parse("2026-09-01T10:00:00Z"));
        assertThat(in.facts().jobTitle()).isEqualTo("CEO");
        assertThat(in.facts().email()).isEqualTo("ada@example.com");
        assertThat(in.convertedAt()).isNull();
    }

    @Test
    void anOpportunityConvertedWhenItsStageBegan() {
        Leads.Incoming in = Ingest.contact(contact("customer",
                "{\"hs_lifecyclestage_opportunity_date\": \"2026-10-02T08:00:00Z\"}"));
        assertThat(in.convertedAt()).isEqualTo(Instant.parse("2026-10-02T08:00:00Z"));
        // without the stage's date, the last change stands in
        assertThat(Ingest.contact(contact("opportunity", "{}")).convertedAt())
                .isEqualTo(Instant.parse("2026-10-20T10:00:00Z"));
    }
}
