package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.SettingField.*;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which settings may change in which status (LIFECYCLE.md §4). Tags may change on any campaign
 * that is not deleted, except inside a scheduled launch's lock window, where nothing may change.
 */
public final class EditPolicy {

    private static final Set<SettingField> ALL = EnumSet.allOf(SettingField.class);
    private static final Set<SettingField> NOTHING = EnumSet.noneOf(SettingField.class);
    private static final Set<SettingField> TAGS_ONLY = EnumSet.of(TAGS);
    private static final Set<SettingField> WHILE_ACTIVE = EnumSet.of(END_AT, TAGS, OPERATED_BY);
    private static final Set<SettingField> WHILE_PAUSED =
            EnumSet.of(END_AT, TAGS, OPERATED_BY, INITIAL_MESSAGE, VARIANTS, SCRIPT);

    private EditPolicy() {
    }

    public static Set<SettingField> editable(CampaignStatus status, Channel channel, boolean insideLockWindow) {
        return switch (status) {
            case DRAFT, REJECTED -> ALL;
            case SCHEDULED -> insideLockWindow ? NOTHING : channel == Channel.VOICE ? ALL : TAGS_ONLY;
            case ACTIVE -> WHILE_ACTIVE;
            case PAUSED -> WHILE_PAUSED;
            case DELETED -> NOTHING;
            default -> TAGS_ONLY;
        };
    }

    /** The launch time of a scheduled campaign moves until its lock window (SMS: its send schedule). */
    public static boolean launchTimeMovable(CampaignStatus status, boolean insideLockWindow) {
        return status == CampaignStatus.SCHEDULED && !insideLockWindow;
    }

    static void require(Collection<SettingField> fields, CampaignStatus status, Channel channel,
                        boolean insideLockWindow) {
        Set<SettingField> editable = editable(status, channel, insideLockWindow);
        for (SettingField field : fields) {
            if (!editable.contains(field)) {
                String when = insideLockWindow ? " within the lock window before its launch" : "";
                throw new LifecycleViolation("'" + field.apiName() + "' may not be edited while the campaign is "
                        + status + when, status, Transition.allowedActions(status, channel, insideLockWindow),
                        field.apiName());
            }
        }
    }
}
