package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the lifecycle rules' launch readiness requires before a schedule or launch, named by the settings field that lacks it. */
public final class LaunchReadiness {

    public static final int MAX_MESSAGE_LENGTH = 1600;

    private LaunchReadiness() {
    }

    public static List<String> missing(Channel channel, CampaignSettings s, Instant now) {
        List<String> missing = new ArrayList<>();
        if (isBlank(s.name())) {
            missing.add("name");
        }
        if (s.contactList() == null || s.contactList().size() < 1) {
            missing.add("contactList");
        }
        if (channel == Channel.SMS && (isBlank(s.initialMessage())
                || s.initialMessage().length() > MAX_MESSAGE_LENGTH)) {
            missing.add("initialMessage");
        }
        if (channel == Channel.VOICE && isBlank(s.script())) {
            missing.add("script");
        }
        if (s.startAt() == null) {
            missing.add("startAt");
        }
        if (s.endAt() == null || !s.endAt().isAfter(now)
                || (s.startAt() != null && !s.endAt().isAfter(s.startAt()))) {
            missing.add("endAt");
        }
        if (s.openHours() == null) {
            missing.add("openHours");
        }
        if (isBlank(s.timeZone())) {
            missing.add("timeZone");
        }
        if (s.phoneNumberMode() == PhoneNumberMode.REUSABLE) {
            if (isBlank(s.reusableNumber())) {
                missing.add("reusableNumber");
            }
        } else if (s.areaCodes().isEmpty()) {
            missing.add("areaCodes");
        }
        return missing;
    }

    public static void require(Channel channel, CampaignSettings settings, Instant now) {
        List<String> missing = missing(channel, settings, now);
        if (!missing.isEmpty()) {
            throw new NotReadyForLaunch(missing);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
