package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the rules read about one channel: daily figures per campaign, ad set and ad, for the days up to
 * {@code yesterday} (today is never complete).
 *
 * @param channel   the channel key, e.g. {@code meta-ads}
 * @param from      the first day read (ads: a launch on this day may have been earlier)
 * @param yesterday the last complete day
 * @param currency  the currency of every money figure
 */
public record ChannelFigures(String channel, LocalDate from, LocalDate yesterday, String currency, Map<String, Series> campaigns,
                             Map<String, Series> adSets, Map<String, Series> ads) {
}
