package io.catalyst.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A sales rep and the habits that show in their calls, drawn once per tenant so the same rep sounds the same in every
 * call: how fast they talk, how long they wait before answering, how many filler words and interruptions, and how good
 * their practice is on the whole.
 *
 * @param pace       words per second, 2.3 to 3.0
 * @param patience   the rep's usual pause before taking the turn, in seconds (0.3 to 1.8)
 * @param fillers    the chance a sentence of theirs carries a filler word
 * @param interrupts the chance they start before the customer has finished
 * @param skill      their practice, around 0: added to each call's own
 */
record Rep(String name, String email, double pace, double patience, double fillers, double interrupts, double skill) {

    private static final List<String> NAMES = List.of("Maya Lopez", "Daniel Okafor", "Priya Shah", "Tom Becker",
            "Sofia Marin", "James Whitaker", "Lena Novak", "Carlos Mendes", "Hannah Reid", "Omar Farouk",
            "Julia Brandt", "Kevin Tran", "Amara Nwosu", "Lucas Ferreira");

    String firstName() {
        return name.substring(0, name.indexOf(' '));
    }

    /** A tenant's sales team: 5 to 7 reps with addresses at the brand's domain. */
    static List<Rep> team(long seed, String brand) {
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "reps"));
        int size = 5 + rnd.nextInt(3);
        List<String> names = new ArrayList<>(NAMES);
        List<Rep> team = new ArrayList<>();
        String domain = brand.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
        for (int i = 0; i < size; i++) {
            String name = names.remove(rnd.nextInt(names.size()));
            team.add(draw(name, name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + domain, rnd));
        }
        return List.copyOf(team);
    }

    static Rep draw(String name, String email, SplittableRandom rnd) {
        return new Rep(name, email, 2.3 + 0.7 * rnd.nextDouble(), 0.3 + 1.5 * rnd.nextDouble(),
                0.05 + 0.4 * rnd.nextDouble(), 0.02 + 0.13 * rnd.nextDouble(), 0.8 * (rnd.nextDouble() - 0.5));
    }

    /** A rep who exists only in a benchmark's transcripts. */
    static Rep any(SplittableRandom rnd) {
        String name = NAMES.get(rnd.nextInt(NAMES.size()));
        return draw(name, name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@reps.example", rnd);
    }
}
