package io.catalyst.core.database;

/**
 * Where the schema migrations stand on this node.
 *
 * @param status  the phase
 * @param detail  for people: what ran, or why it failed
 */
public record MigrationState(Status status, String detail) {

    /** The phases, in order; FAILED is final until the next start, RETRYING waits for the database. */
    public enum Status { PENDING, RETRYING, DONE, FAILED }

    public boolean done() {
        return status == Status.DONE;
    }
}
