package io.catalyst.plugins.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalyst.api.host.Members.Member;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentionsAndAssignmentTest {

    private static final Member ADA = new Member(UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "ada@agency.example", "Ada Lovelace", Set.of("analyst"));
    private static final Member ADAM = new Member(UUID.fromString("00000000-0000-0000-0000-000000000002"),
            "adam@agency.example", "Adam Smith", Set.of("analyst"));
    private static final Member CLIENT = new Member(UUID.fromString("00000000-0000-0000-0000-000000000003"),
            "cleo@client.example", "Cleo", Set.of("viewer"));
    private static final List<Member> ALL = List.of(ADA, ADAM, CLIENT);

    @Test
    void findsMentionsByEmailOrFullName() {
        assertThat(Mentions.in("@ada@agency.example please check", ALL)).containsExactly(ADA);
        assertThat(Mentions.in("Thanks @Ada Lovelace, and @adam smith: done?", ALL)).containsExactly(ADA, ADAM);
        assertThat(Mentions.in("cc @cleo@client.example.", ALL)).containsExactly(CLIENT);
        assertThat(Mentions.in("ping @CLEO!", ALL)).containsExactly(CLIENT);
    }

    @Test
    void aMentionEndsWhereTheNameEnds() {
        assertThat(Mentions.in("@Cleopatra knows", ALL)).isEmpty();
        assertThat(Mentions.in("mail ada@agency.example directly", ALL)).isEmpty(); // no @ before the address
        assertThat(Mentions.in("@ada@agency.example.org", ALL)).isEmpty();
        assertThat(Mentions.in("no mentions here", ALL)).isEmpty();
        assertThat(Mentions.in(null, ALL)).isEmpty();
    }

    @Test
    void assignsTheNamedMemberFirst() {
        assertThat(Assignment.decide(ADAM.id(), "analyst", ALL, Map.of()))
                .isEqualTo(new Assignment.Assignee(ADAM.id(), null));
    }

    @Test
    void otherwiseTheLeastBusyMemberOfTheRole() {
        UUID stranger = UUID.randomUUID();
        assertThat(Assignment.decide(stranger, "analyst", ALL, Map.of(ADA.id(), 3, ADAM.id(), 1)).userId())
                .isEqualTo(ADAM.id());
        // a tie goes by name
        assertThat(Assignment.decide(null, "analyst", ALL, Map.of(ADA.id(), 2, ADAM.id(), 2)).userId())
                .isEqualTo(ADA.id());
        // nobody has open tasks counted: the first by name
        assertThat(Assignment.decide(null, "analyst", ALL, Map.of()).userId()).isEqualTo(ADA.id());
    }

    @Test
    void leavesItOnTheRoleWhenNobodyHoldsIt() {
        assertThat(Assignment.decide(null, "media-buyer", ALL, Map.of()))
                .isEqualTo(new Assignment.Assignee(null, "media-buyer"));
        assertThat(Assignment.decide(UUID.randomUUID(), null, ALL, Map.of())).isEqualTo(Assignment.Assignee.NOBODY);
    }
}
