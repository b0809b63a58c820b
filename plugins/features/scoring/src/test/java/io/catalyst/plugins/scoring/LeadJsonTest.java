package io.catalyst.plugins.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.plugins.scoring.model.LeadFacts;
import io.catalyst.plugins.scoring.model.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadJsonTest {

    private static final Instant AT = Instant.parse("2026-10-01T09:30:00Z");

    @Test
    void factsRoundTripWithUnknownsLeftOut() {
        LeadFacts facts = new LeadFacts("7", AT, "meta-ads", "VP Sales", 250, null, "DE", "Demo request", 12, null,
                "ada@example.com");
        String json = LeadJson.write(facts);
        assertThat(json).doesNotContain("industry").doesNotContain("emailOpens");
        assertThat(LeadJson.read("7", AT, json)).isEqualTo(facts);
    }

    @Test
    void hubSpotPropertiesBecomeFactsAndBadValuesStayUnknown() {
        String properties = """
                {"jobtitle": " Head of Growth ", "numberofemployees": "1200", "industry": "Software",
                 "country": "de", "recent_conversion_event_name": "Pricing page",
                 "hs_analytics_num_page_views": "7", "hs_email_open": "-3",
                 "hs_analytics_source": "PAID_SEARCH", "hs_analytics_source_data_1": "Brand campaign"}""";
        LeadFacts facts = LeadJson.fromProperties("1", AT, "x@example.com", properties);
        assertThat(facts.jobTitle()).isEqualTo("Head of Growth");
        assertThat(facts.employees()).isEqualTo(1200);
        assertThat(facts.country()).isEqualTo("DE");
        assertThat(facts.form()).isEqualTo("Pricing page");
        assertThat(facts.pageViews()).isEqualTo(7);
        assertThat(facts.emailOpens()).as("a negative count is not a count").isNull();
        assertThat(facts.channel()).as("a campaign name is no channel: the original source stands in")
                .isEqualTo("paid-search");

        assertThat(LeadJson.fromProperties("1", AT, null, "{\"hs_analytics_source_data_1\": \"google-ads\"}")
                .channel()).isEqualTo("google-ads");
        assertThat(LeadJson.fromProperties("1", AT, null, "not json").jobTitle()).isNull();
        assertThat(LeadJson.fromProperties("1", AT, null, "[1, 2]").jobTitle()).isNull();
        assertThat(LeadJson.fromProperties("1", AT, null, null).channel()).isNull();
    }

    @Test
    void reasonsRoundTrip() {
        List<Reason> reasons = List.of(new Reason("seniority", "Job level", "VP", 12.34),
                new Reason("form", "First form", "Newsletter sign-up", -8));
        String json = LeadJson.reasons(reasons);
        assertThat(json).contains("\"words\":\"Job level is VP (+12)\"");
        assertThat(LeadJson.reasons(json)).extracting(Reason::feature, Reason::effect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("seniority", 12.3),
                        org.assertj.core.groups.Tuple.tuple("form", -8.0));
    }
}
