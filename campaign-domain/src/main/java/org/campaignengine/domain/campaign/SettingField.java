package org.campaignengine.domain.campaign;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The settings fields by their API names, each knowing how to read itself and copy itself over. */
public enum SettingField {
    NAME("name", CampaignSettings::name, (b, s) -> b.name(s.name())),
    OFFICE("office", CampaignSettings::office, (b, s) -> b.office(s.office())),
    TAGS("tags", CampaignSettings::tags, (b, s) -> b.tags(s.tags())),
    CONTACT_LIST("contactList", CampaignSettings::contactList, (b, s) -> b.contactList(s.contactList())),
    INITIAL_MESSAGE("initialMessage", CampaignSettings::initialMessage,
            (b, s) -> b.initialMessage(s.initialMessage())),
    SCRIPT("script", CampaignSettings::script, (b, s) -> b.script(s.script())),
    START_AT("startAt", CampaignSettings::startAt, (b, s) -> b.startAt(s.startAt())),
    END_AT("endAt", CampaignSettings::endAt, (b, s) -> b.endAt(s.endAt())),
    TIME_ZONE("timeZone", CampaignSettings::timeZone, (b, s) -> b.timeZone(s.timeZone())),
    OPEN_HOURS("openHours", CampaignSettings::openHours, (b, s) -> b.openHours(s.openHours())),
    AREA_CODES("areaCodes", CampaignSettings::areaCodes, (b, s) -> b.areaCodes(s.areaCodes())),
    PHONE_NUMBER_MODE("phoneNumberMode", CampaignSettings::phoneNumberMode,
            (b, s) -> b.phoneNumberMode(s.phoneNumberMode())),
    REUSABLE_NUMBER("reusableNumber", CampaignSettings::reusableNumber,
            (b, s) -> b.reusableNumber(s.reusableNumber())),
    OPERATED_BY("operatedBy", CampaignSettings::operatedBy, (b, s) -> b.operatedBy(s.operatedBy())),
    TYPE("type", CampaignSettings::type, (b, s) -> b.type(s.type())),
    SENDER_ID("senderId", CampaignSettings::senderId, (b, s) -> b.senderId(s.senderId())),
    VARIANTS("variants", CampaignSettings::variants, (b, s) -> b.variants(s.variants())),
    USE_CASE_ID("useCaseId", CampaignSettings::useCaseId, (b, s) -> b.useCaseId(s.useCaseId()));

    private final String apiName;
    private final Function<CampaignSettings, Object> reader;
    private final BiConsumer<CampaignSettings.Builder, CampaignSettings> copier;

    SettingField(String apiName, Function<CampaignSettings, Object> reader,
                 BiConsumer<CampaignSettings.Builder, CampaignSettings> copier) {
        this.apiName = apiName;
        this.reader = reader;
        this.copier = copier;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<SettingField> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }

    /** {@code base} with {@code fields} taken from {@code values}. */
    static CampaignSettings merge(CampaignSettings base, CampaignSettings values, Collection<SettingField> fields) {
        CampaignSettings.Builder merged = base.toBuilder();
        fields.forEach(field -> field.copy(merged, values));
        return merged.build();
    }

    /** The API names of those {@code fields} whose values differ between the two settings. */
    static List<String> changed(CampaignSettings before, CampaignSettings after, Collection<SettingField> fields) {
        return fields.stream().filter(f -> f.differs(before, after)).map(SettingField::apiName).toList();
    }

    boolean differs(CampaignSettings a, CampaignSettings b) {
        return !Objects.equals(reader.apply(a), reader.apply(b));
    }

    void copy(CampaignSettings.Builder target, CampaignSettings source) {
        copier.accept(target, source);
    }
}
