package io.catalyst.plugins.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrmIndexTest {

    @Test
    void aNumberIsTheSameHoweverItWasTyped() {
        // the last nine digits: the country code and a trunk 0 fall away
        assertThat(CrmIndex.phoneKey("+44 20 7946 0018")).isEqualTo("079460018");
        assertThat(CrmIndex.phoneKey("020 7946 0018")).isEqualTo("079460018");
        assertThat(CrmIndex.phoneKey("+1 (212) 819-6919")).isEqualTo("128196919");
        assertThat(CrmIndex.phoneKey("212-819-6919")).isEqualTo("128196919");
        assertThat(CrmIndex.phoneKey("ext. 12")).as("too short to be a number").isNull();
        assertThat(CrmIndex.phoneKey(null)).isNull();
    }

    @Test
    void aDealsStageSaysWhetherItWasWonOrLost() {
        assertThat(CrmIndex.result("closedwon")).isEqualTo("won");
        assertThat(CrmIndex.result("Closed Lost")).isEqualTo("lost");
        assertThat(CrmIndex.result("appointmentscheduled")).isEqualTo("open");
        assertThat(CrmIndex.result(null)).isNull();
    }
}
