package org.campaignengine.projections.statusindex;

import java.util.Set;

/** How many campaigns each tab holds, within the caller's office scope ({@code null}: every office). */
public record CountTabs(Set<String> visibleOffices) {
}
