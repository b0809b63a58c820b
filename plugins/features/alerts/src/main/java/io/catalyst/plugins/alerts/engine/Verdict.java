package io.catalyst.plugins.alerts.engine;

/** What one evaluation found for one entity. */
public enum Verdict {
    /** Within bounds. */
    OK,
    /** Out of bounds. */
    BREACH,
    /** Nothing to judge, e.g. not enough history or below the minimum spend. */
    NO_DATA,
    /** The figures could not be read. */
    ERROR,
    /** Not judged because a data source it depends on is stale. */
    SILENCED
}
