package io.catalyst.plugins.alerts.engine;

/** Where an alert instance stands (see {@link StateMachine}). */
public enum State {
    /** Within bounds. */
    NORMAL,
    /** Breaching, but not yet for the rule's for-duration. */
    PENDING,
    /** Breaching for the for-duration: people are told once. */
    FIRING,
    /** Back within bounds after firing, but not yet for the recovery window. */
    RECOVERING,
    /** Nothing to judge (no figures, not enough history); never notifies. */
    NO_DATA,
    /** The figures could not be read; never notifies. */
    ERROR
}
