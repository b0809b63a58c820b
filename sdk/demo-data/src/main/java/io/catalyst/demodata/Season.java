package io.catalyst.demodata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The calendar of demand: the year's shape (a Q4 peak around Black Friday, a summer dip, a January slump) and a
 * tenant's promotions, whose dates move a few days from tenant to tenant.
 */
final class Season {

    /** Budget and conversion-rate lift during a promotion. */
    static final double PROMO_BUDGET = 1.6;
    static final double PROMO_CVR = 1.45;

    private final long seed;

    Season(long seed) {
        this.seed = seed;
    }

    /** Demand on the day relative to an average day of the year. */
    static double yearly(LocalDate day) {
        int doy = day.getDayOfYear();
        double blackFriday = 0.45 * bell(doy, 333, 20);
        double q4 = day.getMonthValue() >= 10 ? 0.12 : 0;
        double summer = -0.22 * bell(doy, 205, 28);
        double january = day.getMonth() == Month.JANUARY ? -0.08 : 0;
        return 1 + blackFriday + q4 + summer + january;
    }

    private static double bell(int x, int centre, int width) {
        double z = (x - centre) / (double) width;
        return Math.exp(-z * z);
    }

    /** The promotions of the day's year. */
    List<Promotion> promotions(int year) {
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "promotions", year));
        List<Promotion> list = new ArrayList<>();
        list.add(window("Spring Sale", LocalDate.of(year, 3, 12).plusDays(rnd.nextInt(10)), 7));
        list.add(window("Summer Sale", LocalDate.of(year, 6, 28).plusDays(rnd.nextInt(10)), 10));
        list.add(window("Back to School", LocalDate.of(year, 8, 14).plusDays(rnd.nextInt(8)), 6));
        LocalDate thanksgiving = LocalDate.of(year, 11, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        list.add(window("Black Friday", thanksgiving, 5)); // Thursday to Cyber Monday
        return list;
    }

    private static Promotion window(String name, LocalDate from, int days) {
        return new Promotion(name, from, from.plusDays(days - 1));
    }

    /** The promotion running on the day, or null. */
    Promotion promotionOn(LocalDate day) {
        for (Promotion p : promotions(day.getYear())) {
            if (p.covers(day)) {
                return p;
            }
        }
        return null;
    }
}
