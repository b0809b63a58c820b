package io.catalyst.plugins.recommendations.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs every rule on every channel (a rule that needs what a channel lacks finds nothing), and pacing once. */
public final class Engine {

    /** At most this many recommendations of one kind per channel, the largest impact first: a list, not a flood. */
    public static final int MAX_PER_KIND_AND_CHANNEL = 10;

    private Engine() {
    }

    public static List<Finding> run(List<ChannelFigures> channels, Map<String, Series> spendByChannel, Targets t,
                                    LocalDate yesterday) {
        List<Finding> all = new ArrayList<>();
        for (ChannelFigures f : channels) {
            all.addAll(top(CreativeFatigue.find(f)));
            all.addAll(top(LearningLimited.find(f)));
            all.addAll(top(CpaOverTarget.find(f, t)));
            all.addAll(top(ZeroConversionSpend.find(f, t)));
            all.addAll(BudgetShift.find(f));
        }
        all.addAll(BudgetPacing.find(spendByChannel, t, yesterday));
        return all;
    }

    /** Counts per kind id, for logs and tests. */
    public static Map<String, Long> counts(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(fi -> fi.kind().id(), LinkedHashMap::new,
                Collectors.counting()));
    }

    private static List<Finding> top(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparingDouble(Finding::impact).reversed()
                        .thenComparing(Finding::entity))
                .limit(MAX_PER_KIND_AND_CHANNEL).toList();
    }
}
