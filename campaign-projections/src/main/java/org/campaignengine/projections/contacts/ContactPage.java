package org.campaignengine.projections.contacts;

import java.util.List;

public record ContactPage(List<ContactRow> items, int page, int size, long total) {
}
