package org.campaignengine.domain.campaign;

import java.lang.reflect.Field;

/**
 * A later version of the rules, for the length of a test: one row of {@link Transition} leads elsewhere.
 * The row's target is changed in place and restored on {@link #close}, so whatever still reads stored
 * history through the table would read it differently while it is open.
 */
public final class RetargetedRow implements AutoCloseable {

    private final Transition row;
    private final CampaignStatus original;

    private RetargetedRow(Transition row, CampaignStatus original) {
        this.row = row;
        this.original = original;
    }

    public static RetargetedRow retarget(Transition row, CampaignStatus target) {
        RetargetedRow changed = new RetargetedRow(row, (CampaignStatus) read(row));
        write(row, target);
        if (row.target(null) != target) {
            throw new IllegalStateException(row + " still leads to " + row.target(null));
        }
        return changed;
    }

    @Override
    public void close() {
        write(row, original);
    }

    private static Object read(Transition row) {
        try {
            return target().get(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Transition row, CampaignStatus target) {
        try {
            target().set(row, target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field target() {
        try {
            Field field = Transition.class.getDeclaredField("target");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Transition keeps a row's target in a field named 'target'", e);
        }
    }
}
