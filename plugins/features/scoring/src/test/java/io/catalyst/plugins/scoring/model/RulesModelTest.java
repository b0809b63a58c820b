package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RulesModelTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static LeadFacts lead(Instant created, String title, Integer employees, String form, Integer pageViews,
                                  Integer opens, String email) {
        return new LeadFacts("l1", created, "google-ads", title, employees, "Software", "DE", form, pageViews, opens,
                email);
    }

    @Test
    void defaultsScoreAHotLead() {
        RulesModel rules = RulesModel.defaults();
        Score score = rules.score(lead(NOW, "VP Marketing", 500, "Demo request", 20, 4, "a@acme.com"), NOW);
        // demo 30 + VP 20 + 201-1,000 10 + page views 10 + 10 + opens 5
        assertThat(score.points()).isEqualTo(85);
        assertThat(score.probability()).isNull();
        assertThat(score.model()).isEqualTo("rules-default");
        assertThat(score.reasons()).extracting(Reason::words).containsExactly("First form is Demo request (+30)",
                "Job level is VP (+20)", "Pages viewed is 20 (+20)", "Company size is 201-1,000 (+10)",
                "Emails opened is 4 (+5)");
        assertThat(rules.band(score.points())).contains("hot");
        assertThat(rules.band(40)).contains("warm");
        assertThat(rules.band(39)).isEmpty();
    }

    @Test
    void negativeCriteriaClampAtZero() {
        Score score = RulesModel.defaults().score(lead(NOW, "Student", 5, "Newsletter", 0, 0, "s@gmail.com"), NOW);
        assertThat(score.points()).isZero();
        assertThat(score.reasons()).extracting(Reason::feature).containsExactly("seniority", "personalEmail", "size");
        assertThat(score.reasons()).allMatch(r -> r.effect() < 0);
    }

    @Test
    void pointsFadeWithAge() {
        RulesModel rules = RulesModel.defaults();
        LeadFacts fresh = lead(NOW, "VP Marketing", 500, "Demo request", 0, 0, "a@acme.com");
        LeadFacts old = lead(NOW.minus(Duration.ofDays(45)), "VP Marketing", 500, "Demo request", 0, 0, "a@acme.com");
        assertThat(rules.score(fresh, NOW).points()).isEqualTo(60);
        Score faded = rules.score(old, NOW);
        assertThat(faded.points()).isEqualTo(30);
        assertThat(faded.reasons()).extracting(Reason::words).contains("Age of the lead is 45 days (-30)");
        LeadFacts older = lead(NOW.minus(Duration.ofDays(90)), "VP Marketing", 500, "Demo request", 0, 0, "a@a.com");
        assertThat(rules.score(older, NOW).points()).isEqualTo(15);
        RulesModel noDecay = new RulesModel("r", rules.criteria(), 0, rules.thresholds());
        assertThat(noDecay.score(older, NOW).points()).isEqualTo(60);
        assertThat(noDecay.score(older, NOW).reasons()).noneMatch(r -> r.feature().equals(RulesModel.AGE));
    }

    @Test
    void jsonRoundTrip() {
        RulesModel rules = RulesModel.defaults();
        RulesModel back = RulesModel.fromJson(rules.toJson());
        assertThat(back).isEqualTo(rules);
        assertThat(back.toJson()).isEqualTo(rules.toJson());
    }

    @Test
    void jsonErrorsSayWhatAndWhere() {
        String criteria = "[{\"feature\":\"form\",\"value\":\"Demo request\",\"points\":30}]";
        String thresholds = "[{\"band\":\"hot\",\"atLeast\":70}]";
        assertThat(RulesModel.fromJson(doc("\"r1\"", "45", criteria, thresholds)).criteria()).hasSize(1);

        assertError(doc("\"r1\"", "45", "[{\"feature\":\"jobTitle\",\"value\":\"CEO\",\"points\":5}]", thresholds),
                "criteria[0]: unknown feature key \"jobTitle\"");
        assertError(doc("\"r1\"", "45", "[{\"feature\":\"form\",\"value\":\"x\",\"points\":101}]", thresholds),
                "criteria[0]: points must be within -100..100, was 101");
        assertError(doc("\"r1\"", "-1", criteria, thresholds), "halfLifeDays must be 0 (no decay) or positive");
        assertError(doc("\"r1\"", "45", "[{\"feature\":\"form\",\"value\":\"x\"}]", thresholds),
                "criteria[0]: missing field \"points\"");
        assertError(doc("\"r1\"", "45", "[{\"feature\":\"pageViews\",\"value\":\"x\",\"points\":1}]", thresholds),
                "criteria[0]: pageViews is numeric");
        assertError(doc("\"r1\"", "45", "[{\"feature\":\"form\",\"value\":\"x\",\"points\":1.5}]", thresholds),
                "criteria[0].points must be a whole number");
        assertError(doc("\"r1\"", "45", criteria, "[{\"band\":\"hot\",\"atLeast\":170}]"),
                "thresholds[0]: threshold atLeast must be within 0..100");
        assertError("{\"version\":\"r1\",\"criteria\":[],\"thresholds\":[]}", "missing field \"halfLifeDays\"");
        assertError("{\"version\":\"r1\",\"halfLifeDays\":1,\"criteria\":[],\"thresholds\":[],\"x\":1}",
                "unknown field \"x\"");
        assertError("not json", "invalid JSON");
    }

    @Test
    void criteriaValidateWhenBuiltInCode() {
        assertThatThrownBy(() -> RulesModel.Criterion.is("size", " ", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a \"value\"");
        assertThatThrownBy(() -> new RulesModel("r", List.of(), -2, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String doc(String version, String halfLife, String criteria, String thresholds) {
        return "{\"version\":" + version + ",\"halfLifeDays\":" + halfLife + ",\"criteria\":" + criteria
                + ",\"thresholds\":" + thresholds + "}";
    }

    private static void assertError(String json, String message) {
        assertThatThrownBy(() -> RulesModel.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
