package io.catalyst.plugins.metaads;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where an insights run got to: {@code <account>:<last day done>}, e.g. {@code act_1:2026-10-07}. Accounts are read
 * in the order the run names them, so the cursor also says every account before {@code account} is done.
 */
record ChunkCursor(String account, LocalDate lastDay) {

    String format() {
        return account + ":" + lastDay;
    }

    /** The cursor, or empty when it is absent or not one of ours (then the run starts over: upserts are idempotent). */
    static Optional<ChunkCursor> parse(Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        String text = cursor.get();
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChunkCursor(text.substring(0, colon), LocalDate.parse(text.substring(colon + 1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
