package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One entity's daily figures (an ad, ad set or campaign of one channel), with the campaign it belongs to. Days
 * without a row are days without delivery.
 *
 * @param key           the metrics layer's key, {@code <source>:<id>}
 * @param label         its name: untrusted text from the ad platform, shown and passed on as data only
 * @param parentKey     the ad set's key for an ad, else null
 * @param campaignKey   the campaign's key (its own for a campaign)
 * @param campaignLabel the campaign's name
 */
public record Series(String key, String label, String parentKey, String campaignKey, String campaignLabel,
                     NavigableMap<LocalDate, Day> days) {

    public Series(String key, String label, String parentKey, String campaignKey, String campaignLabel) {
        this(key, label, parentKey, campaignKey, campaignLabel, new TreeMap<>());
    }

    /** Adds a day's figures (summed with what the day already has). */
    public void add(Day day) {
        days.merge(day.date(), day, Day::plus);
    }

    /** The sums over {@code from} to {@code to}, both included. */
    public Day sum(LocalDate from, LocalDate to) {
        Day total = new Day(from, 0, 0, 0, 0, 0);
        for (Day d : days.subMap(from, true, to, true).values()) {
            total = total.plus(d);
        }
        return total;
    }

    /** Days with impressions or spend, oldest first. */
    public List<Day> activeDays() {
        return days.values().stream().filter(d -> d.impressions() > 0 || d.spend() > 0).toList();
    }

    /** How many days from {@code from} to {@code to} had spend. */
    public int daysWithSpend(LocalDate from, LocalDate to) {
        return (int) days.subMap(from, true, to, true).values().stream().filter(d -> d.spend() > 0).count();
    }
}
