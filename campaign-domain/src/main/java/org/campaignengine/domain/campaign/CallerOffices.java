package org.campaignengine.domain.campaign;

import java.util.Collection;

import org.axonframework.messaging.MetaData;

/**
 * The offices a command's caller may act in, carried as command metadata under {@link #KEY}. No entry
 * means every office (administrators, services, the engine itself). It is never copied onto events.
 */
public final class CallerOffices {

    public static final String KEY = "callerOffices";

    private CallerOffices() {
    }

    /** Whether a caller with this metadata may see a campaign of {@code office}. */
    public static boolean permit(MetaData metaData, String office) {
        Object offices = metaData.get(KEY);
        return !(offices instanceof Collection<?> allowed) || (office != null && allowed.contains(office));
    }
}
