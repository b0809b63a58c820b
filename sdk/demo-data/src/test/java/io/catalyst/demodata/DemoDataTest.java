package io.catalyst.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalyst.api.connect.Contact;
import io.catalyst.api.connect.Deal;
import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final DemoData DEMO = DemoData.of("acme", TODAY);

    static final Map<String, List<Entity>> ENTITIES = new HashMap<>();
    static final Map<String, List<Insight>> INSIGHTS = new HashMap<>();

    @BeforeAll
    static void generateOnce() {
        for (String channel : DemoData.CHANNELS) {
            List<Entity> entities = new ArrayList<>();
            DEMO.entities(channel, entities::add);
            ENTITIES.put(channel, entities);
            List<Insight> insights = new ArrayList<>();
            DEMO.insights(channel, DEMO.firstDay(), TODAY, insights::add);
            INSIGHTS.put(channel, insights);
        }
    }

    @Test
    void theSameTenantAndDayGiveTheSameRecordsByteForByte() {
        DemoData again = DemoData.of("acme", TODAY);
        for (String channel : DemoData.CHANNELS) {
            assertThat(strings(c -> again.entities(channel, c::add))).isEqualTo(ENTITIES.get(channel).stream()
                    .map(Object::toString).toList());
        }
        assertThat(strings(c -> again.insights("linkedin-ads", again.firstDay(), TODAY, c::add)))
                .isEqualTo(INSIGHTS.get("linkedin-ads").stream().map(Object::toString).toList());
        assertThat(strings(c -> again.contacts(c::add))).isEqualTo(strings(c -> DEMO.contacts(c::add)));
        assertThat(strings(c -> again.deals(c::add))).isEqualTo(strings(c -> DEMO.deals(c::add)));
    }

    @Test
    void anotherTenantGetsOtherData() {
        DemoData other = DemoData.of("globex", TODAY);
        assertThat(strings(c -> other.insights("meta-ads", TODAY, TODAY, c::add)))
                .isNotEqualTo(strings(c -> DEMO.insights("meta-ads", TODAY, TODAY, c::add)));
        assertThat(other.accountId("meta-ads")).isNotEqualTo(DEMO.accountId("meta-ads"));
    }

    @Test
    void aRangeReadsTheSameAsThatPartOfTheWhole() {
        LocalDate from = TODAY.minusDays(70);
        LocalDate to = TODAY.minusDays(50);
        List<String> part = strings(c -> DEMO.insights("google-ads", from, to, c::add));
        List<String> ofWhole = INSIGHTS.get("google-ads").stream()
                .filter(i -> !i.day().isBefore(from) && !i.day().isAfter(to)).map(Object::toString).toList();
        assertThat(part).isNotEmpty().isEqualTo(ofWhole);
    }

    @Test
    void historyIsThirteenMonthsOfDaysEndingToday() {
        for (String channel : DemoData.CHANNELS) {
            Set<LocalDate> days = INSIGHTS.get(channel).stream().map(Insight::day).collect(Collectors.toSet());
            assertThat(days).hasSize(395).contains(TODAY, TODAY.minusMonths(13).plusDays(1))
                    .doesNotContain(TODAY.plusDays(1), TODAY.minusMonths(13));
        }
        assertThat(strings(c -> DEMO.insights("meta-ads", TODAY.plusDays(1), TODAY.plusDays(5), c::add))).isEmpty();
    }

    @Test
    void everyLevelAddsUpToTheCentEveryDay() {
        for (String channel : DemoData.CHANNELS) {
            Map<String, String> parent = new HashMap<>();
            ENTITIES.get(channel).stream().filter(e -> e.parentId() != null).forEach(e -> parent.put(e.id(), e.parentId()));
            Map<String, Insight> byKey = new HashMap<>();
            Map<String, Sum> childSums = new HashMap<>();
            for (Insight i : INSIGHTS.get(channel)) {
                assertThat(byKey.put(i.entityId() + "|" + i.day(), i)).as("one row per entity and day").isNull();
                assertThat(i.spend().scale()).isEqualTo(2);
                assertThat(i.conversions().scale()).isEqualTo(2);
                assertThat(i.conversionValue().scale()).isEqualTo(2);
                if (!i.level().equals("account")) {
                    assertThat(parent).containsKey(i.entityId());
                    childSums.computeIfAbsent(parent.get(i.entityId()) + "|" + i.day(), k -> new Sum()).add(i);
                }
            }
            int checked = 0;
            for (Insight i : INSIGHTS.get(channel)) {
                if (!i.level().equals("ad")) {
                    Sum sum = childSums.get(i.entityId() + "|" + i.day());
                    assertThat(sum).as("%s %s has children", i.level(), i.entityId()).isNotNull();
                    assertThat(sum.spend).as("spend of %s on %s", i.entityId(), i.day()).isEqualTo(i.spend());
                    assertThat(sum.conversions).isEqualTo(i.conversions());
                    assertThat(sum.value).isEqualTo(i.conversionValue());
                    assertThat(sum.impressions).isEqualTo(i.impressions());
                    assertThat(sum.clicks).isEqualTo(i.clicks());
                    assertThat(sum.leads).isEqualTo(i.leads());
                    checked++;
                }
            }
            // every day: the account, three or more campaigns, two or more ad sets each
            assertThat(checked).isGreaterThanOrEqualTo(395 * (1 + 3 + 6));
        }
    }

    @Test
    void theHierarchyIsShapedAsAnAdvertiserRunsIt() {
        for (String channel : DemoData.CHANNELS) {
            List<Entity> entities = ENTITIES.get(channel);
            List<Entity> accounts = level(entities, "account");
            assertThat(accounts).singleElement().satisfies(a -> {
                assertThat(a.attributes()).containsEntry("currency", "USD").containsKey("timezone");
                assertThat(a.id()).isEqualTo(DEMO.accountId(channel));
            });
            List<Entity> campaigns = level(entities, "campaign");
            List<Entity> active = campaigns.stream().filter(c -> c.status().equals("ACTIVE")).toList();
            assertThat(active).as("%s campaigns running", channel).hasSizeBetween(3, 6);
            assertThat(campaigns).as("paused ones are a minority").hasSizeLessThan(active.size() * 2 + 1);
            assertThat(campaigns).extracting(Entity::status).containsOnly("ACTIVE", "PAUSED");
            assertThat(campaigns).allSatisfy(c -> assertThat(c.attributes()).containsKeys("objective", "start_date"));
            assertThat(campaigns).filteredOn(c -> c.status().equals("PAUSED"))
                    .allSatisfy(c -> assertThat(c.attributes()).containsKey("end_date"));
            for (Entity campaign : campaigns) {
                List<Entity> adSets = children(entities, campaign.id());
                assertThat(adSets).hasSizeBetween(2, 3);
                for (Entity adSet : adSets) {
                    assertThat(adSet.status()).isEqualTo(campaign.status());
                    // ads take turns: 2 to 4 run at a time, the fatigued ones paused
                    long running = children(entities, adSet.id()).stream()
                            .filter(ad -> ad.status().equals("ACTIVE")).count();
                    assertThat(running).isBetween(campaign.status().equals("ACTIVE") ? 2L : 0L,
                            campaign.status().equals("ACTIVE") ? 4L : 0L);
                }
            }
            Map<String, Entity> creatives = level(entities, "creative").stream()
                    .collect(Collectors.toMap(Entity::id, e -> e));
            for (Entity ad : level(entities, "ad")) {
                Entity creative = creatives.get(ad.attributes().get("creative_id"));
                assertThat(creative).isNotNull();
                assertThat(creative.attributes()).containsKeys("title", "body");
                assertThat(creative.attributes().get("image_url")).startsWith("data:image/svg+xml;base64,")
                        .hasSizeLessThan(1200);
            }
        }
        assertThat(DemoData.of("acme", TODAY).withCurrency("EUR").withScale(DemoScale.SMALL))
                .satisfies(d -> d.entities("tiktok-ads", e -> {
                    if (e.level().equals("account")) {
                        assertThat(e.attributes()).containsEntry("currency", "EUR");
                    }
                }));
    }

    @Test
    void idsAreUniqueAcrossChannelsAndRecords() {
        List<String> ids = ENTITIES.values().stream().flatMap(List::stream).map(Entity::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        List<String> contacts = strings(c -> DEMO.contacts(x -> c.add(x.id())));
        assertThat(contacts).doesNotHaveDuplicates();
        assertThat(strings(c -> DEMO.deals(x -> c.add(x.id())))).doesNotHaveDuplicates();
    }

    @Test
    void q4OutspendsTheSummerAndEachChannelHasItsOwnWeek() {
        for (String channel : DemoData.CHANNELS) {
            double q4 = averageSpend(channel, i -> i.day().getMonthValue() >= 10 && i.day().getYear() == 2026);
            double summer = averageSpend(channel, i -> i.day().getMonthValue() >= 6 && i.day().getMonthValue() <= 8);
            assertThat(q4).as(channel).isGreaterThan(summer * 1.15);
        }
        assertThat(weekendToWeekday("linkedin-ads")).as("B2B is quiet at weekends").isLessThan(0.6);
        assertThat(weekendToWeekday("meta-ads")).isGreaterThan(1.0);
        assertThat(weekendToWeekday("tiktok-ads")).isGreaterThan(1.0);
        assertThat(weekendToWeekday("google-ads")).isBetween(0.8, 1.0);
    }

    @Test
    void promotionsLiftSpendAndConversionRate() {
        List<Promotion> promotions = DEMO.promotions();
        assertThat(promotions).extracting(Promotion::name).contains("Spring Sale", "Summer Sale", "Black Friday");
        assertThat(promotions).allSatisfy(p -> assertThat(p.to().toEpochDay() - p.from().toEpochDay() + 1)
                .isBetween(5L, 10L));
        Promotion spring = promotions.stream().filter(p -> p.name().equals("Spring Sale")).findFirst().orElseThrow();
        Predicate<Insight> during = i -> spring.covers(i.day());
        Predicate<Insight> around = i -> !spring.covers(i.day())
                && Math.abs(i.day().toEpochDay() - spring.from().toEpochDay()) < 30;
        assertThat(averageSpend("meta-ads", during)).isGreaterThan(averageSpend("meta-ads", around) * 1.3);
        assertThat(conversionRate("meta-ads", during)).isGreaterThan(conversionRate("meta-ads", around) * 1.15);
    }

    @Test
    void moreSpendBuysConversionsAtFallingReturns() {
        // the spike campaign's spend quadruples, its conversions do not: diminishing returns
        Incident spike = DEMO.incidents().get(1);
        List<Insight> rows = INSIGHTS.get("google-ads").stream()
                .filter(i -> i.entityId().equals(spike.campaignId())).toList();
        double spikeCostPerConversion = costPerConversion(rows, i -> !i.day().isBefore(spike.from())
                && !i.day().isAfter(spike.to()));
        double normalCostPerConversion = costPerConversion(rows, i -> i.day().isBefore(spike.from())
                && i.day().isAfter(spike.from().minusDays(60)));
        assertThat(spikeCostPerConversion).isGreaterThan(normalCostPerConversion * 1.2);
    }

    @Test
    void adsFatigueTheirClickThroughRateFallsFromTheirFirstWeekToTheirLast() {
        int fatigued = 0;
        int ads = 0;
        double ratios = 0;
        for (String channel : DemoData.CHANNELS) {
            Map<String, List<Insight>> byAd = INSIGHTS.get(channel).stream().filter(i -> i.level().equals("ad"))
                    .collect(Collectors.groupingBy(Insight::entityId));
            for (Entity ad : level(ENTITIES.get(channel), "ad")) {
                String end = ad.attributes().get("end_date");
                LocalDate start = LocalDate.parse(ad.attributes().get("start_date"));
                if (end == null || start.isBefore(DEMO.firstDay())) {
                    continue; // its whole life is not in the history
                }
                LocalDate last = LocalDate.parse(end);
                List<Insight> rows = byAd.get(ad.id());
                double firstWeek = ctr(rows, i -> i.day().isBefore(start.plusDays(7)));
                double lastWeek = ctr(rows, i -> i.day().isAfter(last.minusDays(7)));
                ads++;
                fatigued += lastWeek < firstWeek ? 1 : 0;
                ratios += lastWeek / firstWeek;
                assertThat(rows).allSatisfy(i -> assertThat(i.day()).isBetween(start, last));
            }
        }
        assertThat(ads).isGreaterThan(100);
        // a week of a small ad is a few dozen clicks: noise turns a few round, never most
        assertThat(fatigued).as("ads whose last week's CTR is below their first week's").isGreaterThan(ads * 9 / 10);
        assertThat(ratios / ads).as("last week's CTR over the first's, on average").isLessThan(0.85);
    }

    @Test
    void ratiosArePlausibleAndDifferPerChannel() {
        Map<String, Double> roas = new HashMap<>();
        for (String channel : DemoData.CHANNELS) {
            List<Insight> account = level(INSIGHTS.get(channel), "account");
            double spend = account.stream().mapToDouble(i -> i.spend().doubleValue()).sum();
            double impressions = account.stream().mapToLong(Insight::impressions).sum();
            double clicks = account.stream().mapToLong(Insight::clicks).sum();
            double conversions = account.stream().mapToDouble(i -> i.conversions().doubleValue()).sum();
            double value = account.stream().mapToDouble(i -> i.conversionValue().doubleValue()).sum();
            assertThat(clicks / impressions).as("%s CTR", channel).isBetween(0.005, 0.03);
            assertThat(spend / clicks).as("%s CPC", channel).isBetween(0.5, 4.0);
            assertThat(conversions / clicks).as("%s conversion rate", channel).isBetween(0.01, 0.06);
            assertThat(value / spend).as("%s ROAS", channel).isBetween(1.0, 6.0);
            roas.put(channel, value / spend);
            // a mid-size advertiser: hundreds to thousands a day
            assertThat(spend / 395).as("%s spend per day", channel).isBetween(100.0, 5000.0);
        }
        assertThat(roas.get("google-ads")).isGreaterThan(roas.get("meta-ads"));
        assertThat(roas.get("meta-ads")).isGreaterThan(roas.get("tiktok-ads"));
        assertThat(roas.get("tiktok-ads")).isGreaterThan(roas.get("linkedin-ads"));
    }

    @Test
    void theTrackingOutageZeroesConversionsForOneDayWhileSpendGoesOn() {
        Incident outage = DEMO.incidents().get(0);
        assertThat(outage.kind()).isEqualTo(Incident.Kind.TRACKING_OUTAGE);
        assertThat(outage.channel()).isEqualTo(Incidents.TRACKING_OUTAGE_CHANNEL);
        assertThat(outage.from()).isEqualTo(TODAY.minusDays(Incidents.TRACKING_OUTAGE_DAYS_AGO)).isEqualTo(outage.to());
        for (Insight i : INSIGHTS.get(outage.channel())) {
            if (i.day().equals(outage.from())) {
                assertThat(i.conversions()).isZero();
                assertThat(i.conversionValue()).isZero();
                assertThat(i.leads()).isZero();
            }
        }
        Insight day = accountOn(outage.channel(), outage.from());
        Insight dayBefore = accountOn(outage.channel(), outage.from().minusDays(1));
        assertThat(day.spend()).isGreaterThan(dayBefore.spend().multiply(BigDecimal.valueOf(0.7)));
        assertThat(day.clicks()).isPositive();
        assertThat(dayBefore.conversions()).isPositive();
        assertThat(accountOn("google-ads", outage.from()).conversions()).as("other channels track").isPositive();
    }

    @Test
    void aRecentOutageStopsConversionsYesterdaySoSomethingFiresNow() {
        Incident recent = DEMO.incidents().get(2);
        assertThat(recent.kind()).isEqualTo(Incident.Kind.TRACKING_OUTAGE);
        assertThat(recent.channel()).isEqualTo(Incidents.RECENT_OUTAGE_CHANNEL);
        assertThat(recent.from()).isEqualTo(TODAY.minusDays(1)).isEqualTo(recent.to());
        Insight day = accountOn(recent.channel(), recent.from());
        assertThat(day.conversions()).isZero();
        assertThat(day.leads()).isZero();
        assertThat(day.clicks()).as("the ads ran").isPositive();
        assertThat(accountOn(recent.channel(), recent.from().minusDays(1)).conversions()).isPositive();
        assertThat(accountOn("meta-ads", recent.from()).conversions()).as("other channels track").isPositive();
    }

    @Test
    void theSpendSpikeQuadruplesOneCampaignsSpendForTwoDays() {
        for (LocalDate today : List.of(TODAY, LocalDate.of(2026, 6, 10))) {
            DemoData demo = DemoData.of("acme", today);
            Incident spike = demo.incidents().get(1);
            assertThat(spike.kind()).isEqualTo(Incident.Kind.SPEND_SPIKE);
            assertThat(spike.from()).isEqualTo(today.minusDays(Incidents.SPEND_SPIKE_DAYS_AGO));
            assertThat(spike.to()).isEqualTo(spike.from().plusDays(Incidents.SPEND_SPIKE_DAYS - 1));
            Map<LocalDate, Double> spend = new HashMap<>();
            demo.insights(spike.channel(), spike.from().minusDays(14), spike.to().plusDays(3), i -> {
                if (i.entityId().equals(spike.campaignId())) {
                    spend.put(i.day(), i.spend().doubleValue());
                }
            });
            double before = spend.entrySet().stream().filter(e -> e.getKey().isBefore(spike.from()))
                    .mapToDouble(Map.Entry::getValue).average().orElseThrow();
            double after = spend.entrySet().stream().filter(e -> e.getKey().isAfter(spike.to()))
                    .mapToDouble(Map.Entry::getValue).average().orElseThrow();
            for (LocalDate d = spike.from(); !d.isAfter(spike.to()); d = d.plusDays(1)) {
                assertThat(spend.get(d)).as("spend on %s", d).isGreaterThan(before * 2.8);
            }
            assertThat(after).isLessThan(before * 1.8);
        }
    }

    @Test
    void contactsComeFromTheAdsLeadsAtExampleDomainsOnly() {
        List<Contact> contacts = new ArrayList<>();
        DEMO.contacts(contacts::add);
        long leads = DemoData.CHANNELS.stream().flatMap(c -> level(INSIGHTS.get(c), "account").stream())
                .mapToLong(Insight::leads).sum();
        assertThat((long) contacts.size()).isEqualTo(leads).isBetween(2000L, 10_000L);
        assertThat(contacts).allSatisfy(c -> {
            // a careless form (about 1 in 25) lost the address's top-level domain and the company
            assertThat(c.email()).matches(c.company() == null ? "[a-z]+\\.[a-z]+\\.\\d+@example"
                    : "[a-z]+\\.[a-z]+\\.\\d+@example\\.(com|org)");
            assertThat(c.name()).isNotBlank();
            assertThat(c.createdAt().getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(c.updatedAt()).isAfterOrEqualTo(c.createdAt());
            assertThat(c.updatedAt().toLocalDate()).isBeforeOrEqualTo(TODAY);
            assertThat(c.createdAt().toLocalDate()).isAfterOrEqualTo(DEMO.firstDay());
            assertThat(c.rawJson()).contains("\"lifecyclestage\":\"" + c.lifecycleStage() + "\"");
        });
        Map<String, Long> stages = contacts.stream().collect(Collectors.groupingBy(Contact::lifecycleStage,
                Collectors.counting()));
        assertThat(stages.keySet()).containsExactlyInAnyOrderElementsOf(Crm.STAGES);
        // a funnel: each stage further on holds fewer contacts than lead
        assertThat(stages.get("lead")).isGreaterThan(stages.get("marketingqualifiedlead"));
        assertThat(stages.get("marketingqualifiedlead")).isGreaterThan(stages.get("customer"));
    }

    @Test
    void contactsCarryAProfileWhosePlantedDriversMoveConversion() {
        long[] careless = new long[2];
        Map<String, long[]> byForm = new HashMap<>();
        Map<String, long[]> byTitle = new HashMap<>();
        DEMO.contacts(c -> {
            String raw = c.rawJson();
            assertThat(raw).contains("\"jobtitle\":", "\"numberofemployees\":\"", "\"industry\":\"",
                    "\"country\":\"", "\"recent_conversion_event_name\":\"", "\"hs_analytics_num_page_views\":\"");
            boolean converted = c.lifecycleStage().equals("opportunity") || c.lifecycleStage().equals("customer");
            careless[0]++;
            careless[1] += c.company() == null && raw.contains("\"jobtitle\":null") ? 1 : 0;
            String form = raw.replaceAll(".*\"recent_conversion_event_name\":\"([^\"]*)\".*", "$1");
            String title = raw.replaceAll(".*\"jobtitle\":\"([^\"]*)\".*", "$1");
            for (long[] n : List.of(byForm.computeIfAbsent(form, k -> new long[2]),
                    byTitle.computeIfAbsent(title.equals("Student") || title.equals("Intern") ? "student" : "other",
                            k -> new long[2]))) {
                n[0]++;
                n[1] += converted ? 1 : 0;
            }
        });
        assertThat(byForm.keySet()).containsExactlyInAnyOrder("Demo request", "Pricing page", "Webinar sign-up",
                "E-book download", "Newsletter sign-up");
        // what lead scoring must find: a demo request converts several times as often as a newsletter sign-up
        assertThat(rate(byForm.get("Demo request"))).isGreaterThan(3 * rate(byForm.get("Newsletter sign-up")));
        assertThat(rate(byTitle.get("student"))).isLessThan(rate(byTitle.get("other")) / 2);
        assertThat(rate(careless)).as("careless forms, for data-quality checks to find").isBetween(0.02, 0.06);
    }

    private static double rate(long[] counts) {
        return (double) counts[1] / counts[0];
    }

    @Test
    void dealsBelongToContactsThatBecameOpportunities() {
        Map<String, Contact> contacts = new HashMap<>();
        DEMO.contacts(c -> contacts.put(c.id(), c));
        List<Deal> deals = new ArrayList<>();
        DEMO.deals(deals::add);
        assertThat(deals).hasSizeGreaterThan(100);
        Set<String> stages = new HashSet<>();
        for (Deal deal : deals) {
            Contact contact = contacts.get(deal.contactId());
            assertThat(contact).isNotNull();
            assertThat(contact.lifecycleStage()).isIn("opportunity", "customer");
            assertThat(deal.stage().equals("closedwon")).isEqualTo(contact.lifecycleStage().equals("customer"));
            assertThat(deal.amount().scale()).isEqualTo(2);
            assertThat(deal.amount()).isGreaterThanOrEqualTo(BigDecimal.valueOf(500));
            assertThat(deal.currency()).isEqualTo("USD");
            assertThat(deal.createdAt()).isAfter(contact.createdAt());
            assertThat(deal.updatedAt()).isAfterOrEqualTo(deal.createdAt());
            if (deal.stage().startsWith("closed")) {
                assertThat(deal.closeDate()).isBeforeOrEqualTo(TODAY);
            }
            stages.add(deal.stage());
        }
        assertThat(stages).contains("closedwon", "closedlost", "appointmentscheduled");
    }

    @Test
    void aLaterTodayOnlyAddsToThePastSoASyncedTenantKeepsItsHistory() {
        DemoData tomorrow = DemoData.of("acme", TODAY.plusDays(1));
        LocalDate from = TODAY.minusDays(100);
        LocalDate to = TODAY.minusDays(60);
        for (String channel : List.of("tiktok-ads", "linkedin-ads")) {
            assertThat(strings(c -> tomorrow.insights(channel, from, to, c::add)))
                    .isEqualTo(strings(c -> DEMO.insights(channel, from, to, c::add)));
            assertThat(tomorrow.accountId(channel)).isEqualTo(DEMO.accountId(channel));
        }
        Set<String> campaignsToday = new HashSet<>(strings(c -> DEMO.entities("meta-ads", e -> {
            if (e.level().equals("campaign") && e.status().equals("ACTIVE")) {
                c.add(e.id());
            }
        })));
        Set<String> campaignsTomorrow = new HashSet<>(strings(c -> tomorrow.entities("meta-ads", e -> c.add(e.id()))));
        assertThat(campaignsTomorrow).containsAll(campaignsToday);
    }

    @Test
    void smallScaleIsTwoMonthsWithBothIncidents() {
        DemoData small = DemoData.of("acme", TODAY).withScale(DemoScale.SMALL);
        List<Insight> rows = new ArrayList<>();
        small.insights("meta-ads", small.firstDay(), TODAY, rows::add);
        assertThat(small.firstDay()).isEqualTo(TODAY.minusMonths(2).plusDays(1));
        assertThat(rows).extracting(Insight::day).contains(small.incidents().get(0).from());
        assertThat(DemoScale.DEMO.times(3)).isEqualTo(new DemoScale(13, 3));
        List<Entity> large = new ArrayList<>();
        DemoData.of("acme", TODAY).withScale(DemoScale.LARGE).entities("meta-ads", large::add);
        assertThat(level(large, "campaign")).filteredOn(c -> c.status().equals("ACTIVE")).hasSizeBetween(9, 18);
        assertThatThrownBy(() -> new DemoScale(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEMO.entities("myspace-ads", e -> { })).hasMessageContaining("myspace-ads");
    }

    @Test
    void seedsAreStableNumbersNotJustHashCodes() {
        // pinned: a change here changes every tenant's demo data
        assertThat(Seeds.of("acme")).isEqualTo(Seeds.of("acme")).isNotEqualTo(Seeds.of("acme", ""));
        assertThat(Seeds.of("ab", "c")).isNotEqualTo(Seeds.of("a", "bc"));
        assertThat(Seeds.of("Aa")).isNotEqualTo(Seeds.of("BB")); // equal String.hashCode()s
    }

    // --- helpers

    private static final class Sum {
        BigDecimal spend = new BigDecimal("0.00");
        BigDecimal conversions = new BigDecimal("0.00");
        BigDecimal value = new BigDecimal("0.00");
        long impressions;
        long clicks;
        long leads;

        void add(Insight i) {
            spend = spend.add(i.spend());
            conversions = conversions.add(i.conversions());
            value = value.add(i.conversionValue());
            impressions += i.impressions();
            clicks += i.clicks();
            leads += i.leads();
        }
    }

    private interface Fill {
        void into(List<Object> out);
    }

    private static List<String> strings(Fill fill) {
        List<Object> out = new ArrayList<>();
        fill.into(out);
        return out.stream().map(Object::toString).toList();
    }

    private static <T> List<T> level(List<T> records, String level) {
        return records.stream().filter(r -> r instanceof Entity e ? e.level().equals(level)
                : ((Insight) r).level().equals(level)).toList();
    }

    private static List<Entity> children(List<Entity> entities, String parentId) {
        return entities.stream().filter(e -> parentId.equals(e.parentId())).toList();
    }

    private static Insight accountOn(String channel, LocalDate day) {
        return level(INSIGHTS.get(channel), "account").stream().filter(i -> i.day().equals(day)).findFirst()
                .orElseThrow();
    }

    private static double averageSpend(String channel, Predicate<Insight> which) {
        return level(INSIGHTS.get(channel), "account").stream().filter(which)
                .mapToDouble(i -> i.spend().doubleValue()).average().orElseThrow();
    }

    private static double weekendToWeekday(String channel) {
        Predicate<Insight> weekend = i -> i.day().getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0;
        return averageSpend(channel, weekend) / averageSpend(channel, weekend.negate());
    }

    private static double conversionRate(String channel, Predicate<Insight> which) {
        List<Insight> rows = level(INSIGHTS.get(channel), "account").stream().filter(which).toList();
        return rows.stream().mapToDouble(i -> i.conversions().doubleValue()).sum()
                / rows.stream().mapToLong(Insight::clicks).sum();
    }

    private static double costPerConversion(List<Insight> rows, Predicate<Insight> which) {
        List<Insight> chosen = rows.stream().filter(which).toList();
        return chosen.stream().mapToDouble(i -> i.spend().doubleValue()).sum()
                / chosen.stream().mapToDouble(i -> i.conversions().doubleValue()).sum();
    }

    private static double ctr(List<Insight> rows, Predicate<Insight> which) {
        List<Insight> chosen = rows.stream().filter(which).toList();
        return (double) chosen.stream().mapToLong(Insight::clicks).sum()
                / chosen.stream().mapToLong(Insight::impressions).sum();
    }
}
