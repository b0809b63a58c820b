package io.catalyst.plugins.calls.transcript;

/** Which party of a sales call an utterance belongs to. */
public enum Side {
    REP, CUSTOMER;

    /** The other party. */
    public Side other() {
        return this == REP ? CUSTOMER : REP;
    }
}
