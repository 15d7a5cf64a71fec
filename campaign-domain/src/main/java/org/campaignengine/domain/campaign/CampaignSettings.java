package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

/**
 * Everything a client may set on a campaign (HTTP API, settings fields). Absent values are null,
 * lists are never null. Which of these may change in which status is the editing rows of {@link Transition}.
 */
public record CampaignSettings(
        String name,
        String office,
        List<String> tags,
        ContactList contactList,
        String initialMessage,
        String script,
        Instant startAt,
        Instant endAt,
        String timeZone,
        OpenHours openHours,
        List<String> areaCodes,
        PhoneNumberMode phoneNumberMode,
        String reusableNumber,
        OperatedBy operatedBy,
        CampaignType type,
        String senderId,
        List<Variant> variants,
        String useCaseId) {

    public CampaignSettings {
        tags = tags == null ? List.of() : List.copyOf(tags);
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        variants = variants == null ? List.of() : List.copyOf(variants);
        phoneNumberMode = phoneNumberMode == null ? PhoneNumberMode.SINGLE_USE : phoneNumberMode;
    }

    public static CampaignSettings named(String name) {
        return builder().name(name).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Every message text the content check reads: the initial message, its variants and the script. */
    public List<String> messageTexts() {
        var texts = new java.util.ArrayList<String>();
        if (initialMessage != null) {
            texts.add(initialMessage);
        }
        variants.forEach(v -> texts.add(v.message()));
        if (script != null) {
            texts.add(script);
        }
        return texts;
    }

    public static final class Builder {
        private String name;
        private String office;
        private List<String> tags;
        private ContactList contactList;
        private String initialMessage;
        private String script;
        private Instant startAt;
        private Instant endAt;
        private String timeZone;
        private OpenHours openHours;
        private List<String> areaCodes;
        private PhoneNumberMode phoneNumberMode;
        private String reusableNumber;
        private OperatedBy operatedBy;
        private CampaignType type;
        private String senderId;
        private List<Variant> variants;
        private String useCaseId;

        private Builder() {
        }

        private Builder(CampaignSettings s) {
            name = s.name;
            office = s.office;
            tags = s.tags;
            contactList = s.contactList;
            initialMessage = s.initialMessage;
            script = s.script;
            startAt = s.startAt;
            endAt = s.endAt;
            timeZone = s.timeZone;
            openHours = s.openHours;
            areaCodes = s.areaCodes;
            phoneNumberMode = s.phoneNumberMode;
            reusableNumber = s.reusableNumber;
            operatedBy = s.operatedBy;
            type = s.type;
            senderId = s.senderId;
            variants = s.variants;
            useCaseId = s.useCaseId;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder office(String v) { office = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder contactList(ContactList v) { contactList = v; return this; }
        public Builder initialMessage(String v) { initialMessage = v; return this; }
        public Builder script(String v) { script = v; return this; }
        public Builder startAt(Instant v) { startAt = v; return this; }
        public Builder endAt(Instant v) { endAt = v; return this; }
        public Builder timeZone(String v) { timeZone = v; return this; }
        public Builder openHours(OpenHours v) { openHours = v; return this; }
        public Builder areaCodes(List<String> v) { areaCodes = v; return this; }
        public Builder phoneNumberMode(PhoneNumberMode v) { phoneNumberMode = v; return this; }
        public Builder reusableNumber(String v) { reusableNumber = v; return this; }
        public Builder operatedBy(OperatedBy v) { operatedBy = v; return this; }
        public Builder type(CampaignType v) { type = v; return this; }
        public Builder senderId(String v) { senderId = v; return this; }
        public Builder variants(List<Variant> v) { variants = v; return this; }
        public Builder useCaseId(String v) { useCaseId = v; return this; }

        public CampaignSettings build() {
            return new CampaignSettings(name, office, tags, contactList, initialMessage, script, startAt, endAt,
                    timeZone, openHours, areaCodes, phoneNumberMode, reusableNumber, operatedBy, type, senderId,
                    variants, useCaseId);
        }
    }
}
