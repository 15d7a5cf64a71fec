package org.campaignengine.api.web;

import java.util.Set;

/** The offices the current caller may see and act in: {@code null} for every office. */
public interface OfficeScope {

    Set<String> visibleOffices();

    /** Whether the caller may see a campaign of this office; one of no office is seen only unlimited. */
    default boolean sees(String office) {
        Set<String> offices = visibleOffices();
        return offices == null || (office != null && offices.contains(office));
    }
}
