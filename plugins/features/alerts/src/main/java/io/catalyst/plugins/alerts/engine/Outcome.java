package io.catalyst.plugins.alerts.engine;

import java.util.List;

/** One evaluation of one instance: what was found, the instance before and after, and what to tell people. */
public record Outcome(Rule rule, Observation observation, Instance before, Instance after, List<Notice> notices) {

    /** Whether the instance started firing here (from anything but recovering). */
    public boolean startedFiring() {
        return after.state() == State.FIRING && before.state() != State.FIRING
                && before.state() != State.RECOVERING;
    }
}
