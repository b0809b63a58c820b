package io.catalyst.plugins.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeaturesTest {

    private static LeadFacts lead(String channel, String title, Integer employees, Integer pageViews, String email) {
        return new LeadFacts("l1", Instant.EPOCH, channel, title, employees, "  Software ", "", null, pageViews, null,
                email);
    }

    @Test
    void indexConstantsFollowTheKeys() {
        assertThat(List.of(Features.CHANNEL, Features.SENIORITY, Features.SIZE, Features.INDUSTRY, Features.COUNTRY,
                Features.FORM, Features.PAGE_VIEWS, Features.EMAIL_OPENS, Features.PERSONAL_EMAIL))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Features.KEYS).hasSize(9);
        assertThat(Features.label("seniority")).isEqualTo("Job level");
        assertThat(Features.label("personalEmail")).isEqualTo("Email address");
    }

    @Test
    void channelsByName() {
        assertThat(Features.channel("google-ads")).isEqualTo("Google Ads");
        assertThat(Features.channel(" META-ADS ")).isEqualTo("Meta Ads");
        assertThat(Features.channel("linkedin-ads")).isEqualTo("LinkedIn Ads");
        assertThat(Features.channel("web-form")).isEqualTo("Web form");
        assertThat(Features.channel("tiktok")).isEqualTo("tiktok");
        assertThat(Features.channel(null)).isEqualTo(Features.UNKNOWN);
    }

    @Test
    void seniorityByWholeWords() {
        assertThat(Features.seniority("CEO & Co-Founder")).isEqualTo("Executive");
        assertThat(Features.seniority("Chief Marketing Officer")).isEqualTo("Executive");
        assertThat(Features.seniority("President")).isEqualTo("Executive");
        assertThat(Features.seniority("Vice President Sales")).isEqualTo("VP");
        assertThat(Features.seniority("SVP, Marketing")).isEqualTo("VP");
        assertThat(Features.seniority("Head of Growth")).isEqualTo("Director");
        assertThat(Features.seniority("Marketing director")).isEqualTo("Director");
        assertThat(Features.seniority("Team Lead")).isEqualTo("Manager");
        assertThat(Features.seniority("Team Leader")).isEqualTo("Individual");
        assertThat(Features.seniority("Student Success Manager")).isEqualTo("Manager");
        assertThat(Features.seniority("Marketing Intern")).isEqualTo("Student");
        assertThat(Features.seniority("Internal Auditor")).isEqualTo("Individual");
        assertThat(Features.seniority("Headhunter")).isEqualTo("Individual");
        assertThat(Features.seniority("  ")).isEqualTo(Features.UNKNOWN);
        assertThat(Features.seniority(null)).isEqualTo(Features.UNKNOWN);
    }

    @Test
    void sizeBands() {
        assertThat(List.of(1, 10, 11, 50, 51, 200, 201, 1000, 1001, 5000, 5001).stream().map(Features::size))
                .containsExactly("1-10", "1-10", "11-50", "11-50", "51-200", "51-200", "201-1,000", "201-1,000",
                        "1,001-5,000", "1,001-5,000", "5,001+");
        assertThat(Features.size(0)).isEqualTo(Features.UNKNOWN);
        assertThat(Features.size(null)).isEqualTo(Features.UNKNOWN);
    }

    @Test
    void personalOrWorkEmail() {
        assertThat(Features.emailKind("a@gmail.com")).isEqualTo("personal");
        assertThat(Features.emailKind("a@Yahoo.co.uk")).isEqualTo("personal");
        assertThat(Features.emailKind("a@gmx.net")).isEqualTo("personal");
        assertThat(Features.emailKind("a@hotmail.fr")).isEqualTo("personal");
        assertThat(Features.emailKind("a@yandex.ru")).isEqualTo("personal");
        assertThat(Features.emailKind("a@web.de")).isEqualTo("personal");
        assertThat(Features.emailKind("a@acme.com")).isEqualTo("work");
        assertThat(Features.emailKind("a@mygmail.com")).isEqualTo("work");
        assertThat(Features.emailKind("no-at-sign")).isEqualTo(Features.UNKNOWN);
        assertThat(Features.emailKind(null)).isEqualTo(Features.UNKNOWN);
    }

    @Test
    void displayValuesAndCounts() {
        LeadFacts lead = lead("google-ads", "VP Sales", 300, 12, "x@acme.com");
        assertThat(Features.display("industry", lead)).isEqualTo("Software");
        assertThat(Features.display("country", lead)).isEqualTo(Features.UNKNOWN);
        assertThat(Features.display("form", lead)).isEqualTo(Features.UNKNOWN);
        assertThat(Features.display("pageViews", lead)).isEqualTo("12");
        assertThat(Features.count("pageViews", lead)).isEqualTo(12);
        assertThat(Features.display("emailOpens", lead)).isEqualTo(Features.UNKNOWN);
        assertThat(Features.count("emailOpens", lead)).isEqualTo(-1);
        assertThat(Features.count("pageViews", lead("x", null, null, -3, null))).isEqualTo(-1);
        assertThat(Features.isNumeric("pageViews")).isTrue();
        assertThat(Features.isNumeric("size")).isFalse();
    }

    @Test
    void unknownKeysAreRefused() {
        assertThat(Features.checkKeys(List.of("country", "channel"))).isEqualTo(Set.of("channel", "country"));
        assertThatThrownBy(() -> Features.checkKeys(List.of("jobTitle")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown feature key \"jobTitle\"");
        assertThatThrownBy(() -> Features.label("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
