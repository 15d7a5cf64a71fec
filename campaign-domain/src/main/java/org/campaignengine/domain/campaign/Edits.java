package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.SettingField.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an editing row of the transition table lets change (the lifecycle rules' editing rules): settings
 * fields and the launch time, and whether the result must stay launch-ready with a valid launch time.
 */
record Edits(Set<SettingField> fields, boolean launchTime, boolean keepLaunchReady) {

    static final Edits NONE = new Edits(EnumSet.noneOf(SettingField.class), false, false);
    static final Edits EVERYTHING = new Edits(EnumSet.allOf(SettingField.class), false, false);
    /** VOICE: settings and the launch time; the campaign stays launch-ready, its launch time valid (§3, §5). */
    static final Edits SCHEDULED_VOICE = new Edits(EnumSet.allOf(SettingField.class), true, true);
    /** SMS: only the send schedule (the launch time), and tags; the campaign stays launch-ready. */
    static final Edits SCHEDULED_SMS = new Edits(EnumSet.of(TAGS), true, true);
    static final Edits WHILE_ACTIVE = new Edits(EnumSet.of(END_AT, TAGS, OPERATED_BY), false, false);
    /** As ACTIVE, plus the messages (ThruText: pausing is required to edit the initial message). */
    static final Edits WHILE_PAUSED = new Edits(EnumSet.of(END_AT, TAGS, OPERATED_BY, INITIAL_MESSAGE, VARIANTS,
            SCRIPT), false, false);
    static final Edits TAGS_ONLY = new Edits(EnumSet.of(TAGS), false, false);

    Edits {
        fields = Collections.unmodifiableSet(fields.isEmpty() ? EnumSet.noneOf(SettingField.class)
                : EnumSet.copyOf(fields));
    }

    boolean allows(SettingField field) {
        return fields.contains(field);
    }
}
