package org.campaignengine.projections.tables;

import java.util.List;

/**
 * Sums of reported figures (costs above all) that stop at {@code Long.MAX_VALUE} (or {@code MIN_VALUE})
 * instead of wrapping around: a total past the largest long shows the largest long. The API bounds each
 * record's cost, but a long-lived campaign's costs, or events stored before the bound, can still add up past
 * it, and a wrapped sum would show a negative total, or make the database refuse the row and stop the read
 * model. The same rule in Java and in SQL, for sums kept by an UPDATE.
 */
public final class Saturating {

    private Saturating() {
    }

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** {@code column = column + ?}, saturating; its parameters are {@link #sqlArguments}. */
    public static String sql(String column) {
        return column + " = CASE WHEN " + column + " > ? THEN CAST(? AS BIGINT) WHEN " + column
                + " < ? THEN CAST(? AS BIGINT) ELSE " + column + " + ? END";
    }

    /** The parameters of {@link #sql} adding {@code delta}: past these bounds the sum would wrap. */
    public static List<Object> sqlArguments(long delta) {
        long highest = delta > 0 ? Long.MAX_VALUE - delta : Long.MAX_VALUE;
        long lowest = delta < 0 ? Long.MIN_VALUE - delta : Long.MIN_VALUE;
        return List.of(highest, Long.MAX_VALUE, lowest, Long.MIN_VALUE, delta);
    }
}
