package io.catalyst.demodata;

import io.catalyst.api.connect.Entity;
import io.catalyst.api.connect.Insight;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Turns plans and days into the canonical records, each with a provider-like {@code rawJson}. */
final class Records {

    private final String channel;
    private final String currency;
    private final String timezone;

    Records(String channel, String currency, String timezone) {
        this.channel = channel;
        this.currency = currency;
        this.timezone = timezone;
    }

    /** The account, then each campaign with its ad sets, each ad preceded by its creative. */
    void entities(Plan.Account account, Consumer<Entity> out) {
        out.accept(entity("account", account.id(), null, account.name(), "ACTIVE",
                Map.of("currency", currency, "timezone", timezone, "channel", account.profile().id())));
        for (Plan.Campaign c : account.campaigns()) {
            Map<String, String> campaign = new LinkedHashMap<>();
            campaign.put("objective", c.objective());
            campaign.put("daily_budget", Totals.Money.of(c.budget()).toPlainString());
            campaign.put("start_date", c.start().toString());
            if (c.end() != null) {
                campaign.put("end_date", c.end().toString());
            }
            out.accept(entity("campaign", c.id(), account.id(), c.name(), c.status(), campaign));
            for (Plan.AdSet s : c.adSets()) {
                out.accept(entity("ad_set", s.id(), c.id(), s.name(), c.status(), Map.of()));
                for (Plan.Ad ad : s.ads()) {
                    out.accept(entity("creative", ad.creativeId(), null, ad.name(), "ACTIVE", Map.of(
                            "title", ad.title(), "body", ad.body(), "image_url", Thumbnails.dataUri(ad.hue(), ad.title()))));
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("creative_id", ad.creativeId());
                    attributes.put("start_date", ad.start().toString());
                    if (ad.end() != null) {
                        attributes.put("end_date", ad.end().toString());
                    }
                    String status = ad.end() == null && c.end() == null ? "ACTIVE" : "PAUSED";
                    out.accept(entity("ad", ad.id(), s.id(), ad.name(), status, attributes));
                }
            }
        }
    }

    private Entity entity(String level, String id, String parentId, String name, String status,
                          Map<String, String> attributes) {
        Json raw = new Json().str("id", id).str("level", level).str("parent_id", parentId).str("name", name)
                .str("status", status);
        attributes.forEach(raw::str);
        return new Entity(level, id, parentId, name, status, attributes, raw.str("channel", channel).toString());
    }

    /** A day at every level: the account, its campaigns, their ad sets, their ads. */
    void insights(Plan.Account account, DayModel.AccountDay day, Consumer<Insight> out) {
        out.accept(insight("account", account.id(), account.id(), day.day(), day.totals()));
        for (DayModel.CampaignDay c : day.campaigns()) {
            out.accept(insight("campaign", c.campaign().id(), account.id(), day.day(), c.totals()));
        }
        for (DayModel.CampaignDay c : day.campaigns()) {
            for (DayModel.AdSetDay s : c.adSets()) {
                out.accept(insight("ad_set", s.adSet().id(), account.id(), day.day(), s.totals()));
            }
        }
        for (DayModel.CampaignDay c : day.campaigns()) {
            for (DayModel.AdSetDay s : c.adSets()) {
                s.ads().forEach((ad, t) -> out.accept(insight("ad", ad.id(), account.id(), day.day(), t)));
            }
        }
    }

    private Insight insight(String level, String id, String accountId, LocalDate day, Totals t) {
        String raw = new Json().str("level", level).str("id", id).str("date", day).num("spend", t.spend)
                .num("impressions", t.impressions).num("clicks", t.clicks).num("conversions", t.conversions)
                .num("conversion_value", t.conversionValue).num("leads", t.leads).str("channel", channel).toString();
        return new Insight(level, id, accountId, day, null, t.spend, t.impressions, t.clicks, t.conversions,
                t.conversionValue, t.leads, currency, raw);
    }
}
