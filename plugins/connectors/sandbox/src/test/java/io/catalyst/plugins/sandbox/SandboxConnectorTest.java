package io.catalyst.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.connect.AuthKind;
import io.catalyst.api.connect.Call;
import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import io.catalyst.api.connect.ProviderAccount;
import io.catalyst.api.connect.ProviderException;
import io.catalyst.api.connect.StreamRead;
import io.catalyst.api.connect.StreamSpec;
import io.catalyst.api.connect.WriteRecord;
import io.catalyst.api.connect.WriteResult;
import io.catalyst.demodata.Incident;
import io.catalyst.demodata.Incidents;
import io.catalyst.sdk.testkit.CollectingSink;
import io.catalyst.sdk.testkit.ConnectorHarness;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SandboxConnectorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final SandboxConnector CONNECTOR =
            new SandboxConnector(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    static final List<String> ALL = List.of("sandbox-meta", "sandbox-google", "sandbox-tiktok", "sandbox-linkedin");

    @Test
    void declaresItselfAsADemoSourceWithoutCredential() {
        assertThat(CONNECTOR.id()).isEqualTo("sandbox");
        assertThat(CONNECTOR.displayName()).isEqualTo("Sandbox (demo data)");
        assertThat(CONNECTOR.category()).isEqualTo("ads");
        assertThat(CONNECTOR.auth().kind()).isEqualTo(AuthKind.NONE);
        assertThat(CONNECTOR.baseUrl().getHost()).endsWith(".invalid");
        assertThat(CONNECTOR.streams()).containsExactly(
                new StreamSpec("entities", StreamSpec.Sync.CURSOR), new StreamSpec("insights", StreamSpec.Sync.DAILY),
                new StreamSpec("contacts", StreamSpec.Sync.CURSOR), new StreamSpec("deals", StreamSpec.Sync.CURSOR),
                new StreamSpec("calls", StreamSpec.Sync.CURSOR));
    }

    @Test
    void offersOneAccountPerChannel() {
        List<ProviderAccount> accounts = CONNECTOR.accounts(harness());
        assertThat(accounts).extracting(ProviderAccount::id).containsExactlyElementsOf(ALL);
        assertThat(accounts.get(0)).isEqualTo(
                new ProviderAccount("sandbox-meta", "Meta Ads (sandbox)", "USD", "America/New_York"));
        assertThat(CONNECTOR.accounts(harness().setting("currency", "EUR"))).extracting(ProviderAccount::currency)
                .containsOnly("EUR");
    }

    @Test
    void insightsComeAtEveryLevelAndAddUpForEachAccountAndDay() {
        LocalDate from = TODAY.minusDays(6);
        CollectingSink sink = harness().read(new StreamRead("insights", List.of("sandbox-meta", "sandbox-linkedin"),
                from, TODAY, Optional.empty()));

        assertThat(sink.insights).extracting(Insight::level).containsOnly("account", "campaign", "ad_set", "ad")
                .contains("account", "campaign", "ad_set", "ad");
        assertThat(sink.insights).extracting(Insight::accountId).containsOnly("sandbox-meta", "sandbox-linkedin");
        assertThat(sink.insights).extracting(Insight::day).allSatisfy(d -> assertThat(d).isBetween(from, TODAY));
        assertThat(sink.checkpoints).containsExactly(days(from, TODAY));
        for (String account : List.of("sandbox-meta", "sandbox-linkedin")) {
            for (LocalDate day = from; !day.isAfter(TODAY); day = day.plusDays(1)) {
                LocalDate d = day;
                Map<String, BigDecimal> spend = sink.insights.stream()
                        .filter(i -> i.accountId().equals(account) && i.day().equals(d))
                        .collect(Collectors.groupingBy(Insight::level,
                                Collectors.reducing(BigDecimal.ZERO, Insight::spend, BigDecimal::add)));
                assertThat(spend.get("account")).isPositive();
                assertThat(spend).as("%s on %s", account, day).containsEntry("campaign", spend.get("account"))
                        .containsEntry("ad_set", spend.get("account")).containsEntry("ad", spend.get("account"));
            }
        }
        assertThat(keys(sink.insights, i -> i.entityId() + "|" + i.day())).doesNotHaveDuplicates();
    }

    @Test
    void aResumedInsightsRunGoesOnAfterTheLastDayDoneWithoutDuplicates() {
        LocalDate from = TODAY.minusDays(9);
        StreamRead whole = new StreamRead("insights", ALL, from, TODAY, Optional.empty());
        CollectingSink all = harness().read(whole);

        String cursor = all.checkpoints.get(3);
        CollectingSink resumed = harness().read(new StreamRead("insights", ALL, from, TODAY, Optional.of(cursor)));

        assertThat(resumed.insights).extracting(Insight::day)
                .allSatisfy(d -> assertThat(d).isAfter(LocalDate.parse(cursor)));
        List<Insight> before = all.insights.stream().filter(i -> !i.day().isAfter(LocalDate.parse(cursor))).toList();
        List<Insight> together = new ArrayList<>(before);
        together.addAll(resumed.insights);
        assertThat(keys(together, i -> i.entityId() + "|" + i.day())).doesNotHaveDuplicates();
        assertThat(together).containsExactlyInAnyOrderElementsOf(all.insights);
    }

    @Test
    void theIncidentsAreInTheSyncedData() {
        LocalDate outage = TODAY.minusDays(Incidents.TRACKING_OUTAGE_DAYS_AGO);
        CollectingSink sink = harness().read(new StreamRead("insights", List.of("sandbox-meta"), outage.minusDays(1),
                outage, Optional.empty()));
        Map<LocalDate, Insight> account = sink.insights.stream().filter(i -> i.level().equals("account"))
                .collect(Collectors.toMap(Insight::day, i -> i));
        assertThat(account.get(outage).conversions()).isZero();
        assertThat(account.get(outage).spend()).isPositive();
        assertThat(account.get(outage.minusDays(1)).conversions()).isPositive();
        Incident spike = CONNECTOR.demoData(harness()).incidents().get(1);
        assertThat(spike.campaignId()).isNotNull();
    }

    @Test
    void entitiesAreTheWholeHierarchyAndAResumeSkipsWhatWasDone() {
        CollectingSink all = harness().read(new StreamRead("entities", ALL, null, null, Optional.empty()));
        assertThat(all.entities).extracting(Entity::level)
                .contains("account", "campaign", "ad_set", "ad", "creative");
        assertThat(all.entities).filteredOn(e -> e.level().equals("account")).extracting(Entity::id)
                .containsExactlyElementsOf(ALL);
        assertThat(keys(all.entities, Entity::id)).doesNotHaveDuplicates();
        assertThat(all.checkpoints).hasSizeGreaterThan(2).last().isEqualTo(TODAY + "|" + all.entities.size());

        String cursor = all.checkpoints.get(1);
        CollectingSink resumed = harness().read(new StreamRead("entities", ALL, null, null, Optional.of(cursor)));
        assertThat(resumed.entities).isEqualTo(all.entities.subList(2 * SandboxReads.BATCH, all.entities.size()));

        // the next day's run reads everything again: statuses change
        CollectingSink nextDay = harness().read(new StreamRead("entities", ALL, null, null,
                Optional.of(TODAY.minusDays(1) + "|" + all.entities.size())));
        assertThat(nextDay.entities).hasSameSizeAs(all.entities);
    }

    @Test
    void contactsComeInModificationOrderAndAResumeDoesNotDuplicate() {
        CollectingSink all = harness().read(new StreamRead("contacts", List.of(), null, null, Optional.empty()));
        assertThat(all.contacts).hasSizeGreaterThan(1000);
        assertThat(all.contacts).extracting(Contact::updatedAt).isSorted();
        assertThat(all.contacts).allSatisfy(c -> assertThat(c.email()).as("example domains only, a careless form's"
                + " lost top-level domain aside").matches(".+@example(\\.(com|org))?"));
        assertThat(all.checkpoints).hasSizeGreaterThan(2);
        assertThat(all.checkpoints.get(all.checkpoints.size() - 1))
                .isEqualTo(all.contacts.get(all.contacts.size() - 1).updatedAt().toInstant().toString());

        String cursor = all.checkpoints.get(1);
        CollectingSink resumed = harness().read(new StreamRead("contacts", List.of(), null, null, Optional.of(cursor)));
        List<Contact> together = new ArrayList<>(all.contacts.stream()
                .filter(c -> !c.updatedAt().toInstant().isAfter(Instant.parse(cursor))).toList());
        assertThat(together).hasSizeGreaterThanOrEqualTo(2 * SandboxReads.BATCH);
        together.addAll(resumed.contacts);
        assertThat(keys(together, Contact::id)).doesNotHaveDuplicates();
        assertThat(together).containsExactlyInAnyOrderElementsOf(all.contacts);

        String last = all.checkpoints.get(all.checkpoints.size() - 1);
        CollectingSink next = harness().read(new StreamRead("contacts", List.of(), null, null, Optional.of(last)));
        assertThat(next.contacts).isEmpty();
        assertThat(next.checkpoints).containsExactly(last);
    }

    @Test
    void dealsAreReadFromTheirCursor() {
        CollectingSink all = harness().read(new StreamRead("deals", List.of(), null, null, Optional.empty()));
        assertThat(all.deals).hasSizeGreaterThan(100).extracting(Deal::currency).containsOnly("USD");
        Deal middle = all.deals.get(all.deals.size() / 2);
        String cursor = middle.updatedAt().toInstant().toString();
        CollectingSink later = harness().read(new StreamRead("deals", List.of(), null, null, Optional.of(cursor)));
        assertThat(later.deals).isNotEmpty()
                .allSatisfy(d -> assertThat(d.updatedAt().toInstant()).isAfter(Instant.parse(cursor)));
    }

    @Test
    void callsComeInTheOrderTheyStartedJoinTheContactsAndResumeFromTheirCursor() {
        CollectingSink all = harness().read(new StreamRead("calls", List.of(), null, null, Optional.empty()));
        List<Call> generated = new ArrayList<>();
        CONNECTOR.demoData(harness()).calls(generated::add);
        assertThat(all.calls).hasSizeBetween(200, 600).containsExactlyElementsOf(generated);
        assertThat(all.calls).extracting(Call::startedAt).isSorted();
        assertThat(all.calls).filteredOn(c -> c.transcript() != null).hasSizeGreaterThan(all.calls.size() / 2)
                .allSatisfy(c -> assertThat(c.transcript()).startsWith("{\"id\":").contains("\"utterances\":[{"));
        assertThat(all.checkpoints).last()
                .isEqualTo(all.calls.get(all.calls.size() - 1).startedAt().toInstant().toString());

        // every call reaches one of the connection's contacts by its phone or its email
        List<Contact> contacts = harness().read(new StreamRead("contacts", List.of(), null, null, Optional.empty()))
                .contacts;
        Set<String> emails = contacts.stream().map(Contact::email).collect(Collectors.toSet());
        Set<String> phones = contacts.stream().map(c -> c.rawJson().replaceAll(".*\"phone\":\"?([^\",]*)\"?.*", "$1"))
                .collect(Collectors.toSet());
        assertThat(all.calls).allSatisfy(c -> assertThat(phones.contains(c.caller())
                || emails.contains(c.customerEmail())).as(c.id()).isTrue());

        Call middle = all.calls.get(all.calls.size() / 2);
        String cursor = middle.startedAt().toInstant().toString();
        CollectingSink later = harness().read(new StreamRead("calls", List.of(), null, null, Optional.of(cursor)));
        List<Call> together = new ArrayList<>(all.calls.stream()
                .filter(c -> !c.startedAt().toInstant().isAfter(Instant.parse(cursor))).toList());
        together.addAll(later.calls);
        assertThat(together).containsExactlyElementsOf(all.calls);
    }

    @Test
    void theSeedSettingGivesAConnectionItsOwnData() {
        StreamRead read = new StreamRead("insights", List.of("sandbox-google"), TODAY, TODAY, Optional.empty());
        List<Insight> demo = harness().read(read).insights;
        assertThat(harness().read(read).insights).isEqualTo(demo);
        assertThat(harness().setting("seed", "another").read(read).insights).isNotEqualTo(demo);
    }

    @Test
    void anAccountTheSandboxDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> harness().read(new StreamRead("insights", List.of("act_1"), TODAY, TODAY,
                Optional.empty()))).isInstanceOf(ProviderException.class).hasMessageContaining("act_1");
    }

    @Test
    void aCurrencyThatIsNoIsoCodeStopsTheSyncWithWordsNotAFailedPlugin() {
        ConnectorHarness euros = harness().setting("currency", "euros");
        assertThatThrownBy(() -> euros.read(new StreamRead("insights", List.of("sandbox-meta"), TODAY, TODAY,
                Optional.empty()))).isInstanceOf(ProviderException.class).hasMessageContaining("ISO 4217");
    }

    @Test
    void takesLeadScoresForItsOwnContactsAndRefusesIdsItNeverMade() {
        SandboxConnector connector = new SandboxConnector(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC)
                .toInstant(), ZoneOffset.UTC));
        ConnectorHarness session = new ConnectorHarness(connector, connector.baseUrl(), "none").today(TODAY)
                .setting("seed", "writes");
        String known = session.read(new StreamRead("contacts", List.of(), null, null, Optional.empty()))
                .contacts.get(0).id();

        WriteResult result = connector.write(session, "contacts", List.of(
                new WriteRecord(known, Map.of("catalyst_score", "82", "catalyst_score_band", "hot")),
                new WriteRecord("no-such-contact", Map.of("catalyst_score", "5"))));

        assertThat(result.written()).containsExactly(known);
        assertThat(result.failed()).containsOnlyKeys("no-such-contact");
        assertThat(connector.written("writes", known)).containsEntry("catalyst_score", "82")
                .containsEntry("catalyst_score_band", "hot");
        assertThat(connector.writes()).singleElement().satisfies(spec -> assertThat(spec.fields())
                .containsExactlyInAnyOrder("catalyst_score", "catalyst_score_band", "catalyst_score_reason"));
        assertThatThrownBy(() -> connector.write(session, "deals", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ConnectorHarness harness() {
        return new ConnectorHarness(CONNECTOR, CONNECTOR.baseUrl(), "none").today(TODAY);
    }

    private static String[] days(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toArray(String[]::new);
    }

    private static <T> List<String> keys(List<T> records, Function<T, String> key) {
        return records.stream().map(key).toList();
    }
}
