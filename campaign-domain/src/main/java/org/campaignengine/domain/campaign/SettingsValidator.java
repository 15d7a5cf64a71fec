package org.campaignengine.domain.campaign;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;

/** Shape rules for settings values that hold in every status; breaking one is a bad request. */
final class SettingsValidator {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 500;

    /** A reason, code or message a command carries: required, and short enough to show. */
    static String requireReason(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidCampaignInput.of(field, "is required");
        }
        if (value.length() > MAX_REASON) {
            throw InvalidCampaignInput.of(field, "must be at most " + MAX_REASON + " characters");
        }
        return value;
    }

    /** "Copy of …", cut to the longest name allowed. */
    /** A clone's settings: the original's, named as asked or "Copy of" the original's name. */
    static CampaignSettings cloneOf(CampaignSettings original, String name) {
        String named = name == null || name.isBlank() ? cloneName(original.name()) : name;
        CampaignSettings copy = original.toBuilder().name(named).build();
        require(copy, EnumSet.of(SettingField.NAME));
        return copy;
    }

    static String cloneName(String name) {
        String copy = "Copy of " + name;
        return copy.length() > MAX_NAME ? copy.substring(0, MAX_NAME) : copy;
    }
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_SCRIPT = 20_000;
    static final int MAX_AREA_CODES = 49;
    private static final Pattern AREA_CODE = Pattern.compile("\\d{3}");
    private static final Pattern PHONE = Pattern.compile("\\+?[1-9]\\d{6,14}");

    private SettingsValidator() {
    }

    static void require(CampaignSettings s, Set<SettingField> fields) {
        List<FieldError> errors = new ArrayList<>();
        for (SettingField field : fields) {
            check(field, s, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignInput(errors);
        }
    }

    private static void check(SettingField field, CampaignSettings s, List<FieldError> errors) {
        switch (field) {
            case NAME -> {
                if (s.name() == null || s.name().isBlank()) {
                    errors.add(new FieldError("name", "is required"));
                } else if (s.name().length() > MAX_NAME) {
                    errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
                }
            }
            case OFFICE -> maxLength(errors, "office", s.office(), 100);
            case TAGS -> tags(s.tags(), errors);
            case CONTACT_LIST -> {
                if (s.contactList() != null) {
                    if (s.contactList().id() == null || s.contactList().id().isBlank()) {
                        errors.add(new FieldError("contactList.id", "is required"));
                    }
                    if (s.contactList().size() < 0) {
                        errors.add(new FieldError("contactList.size", "must not be negative"));
                    }
                }
            }
            case INITIAL_MESSAGE -> maxLength(errors, "initialMessage", s.initialMessage(),
                    LaunchReadiness.MAX_MESSAGE_LENGTH);
            case SCRIPT -> maxLength(errors, "script", s.script(), MAX_SCRIPT);
            case TIME_ZONE -> {
                if (s.timeZone() != null) {
                    try {
                        ZoneId.of(s.timeZone());
                    } catch (DateTimeException e) {
                        errors.add(new FieldError("timeZone", "is not a known time zone"));
                    }
                }
            }
            case OPEN_HOURS -> {
                OpenHours h = s.openHours();
                if (h != null && (h.from() == null || h.to() == null || !h.from().isBefore(h.to()))) {
                    errors.add(new FieldError("openHours", "needs 'from' before 'to', as HH:mm"));
                }
            }
            case AREA_CODES -> areaCodes(s.areaCodes(), errors);
            case REUSABLE_NUMBER -> {
                if (s.reusableNumber() != null && !PHONE.matcher(s.reusableNumber()).matches()) {
                    errors.add(new FieldError("reusableNumber", "must be a phone number in E.164 form"));
                }
            }
            case SENDER_ID -> maxLength(errors, "senderId", s.senderId(), 20);
            case VARIANTS -> variants(s.variants(), errors);
            case USE_CASE_ID -> maxLength(errors, "useCaseId", s.useCaseId(), 100);
            default -> {
            }
        }
    }

    private static void tags(List<String> tags, List<FieldError> errors) {
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS + " tags"));
        }
        for (String tag : tags) {
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
                errors.add(new FieldError("tags", "each tag must have 1 to " + MAX_TAG_LENGTH + " characters"));
                return;
            }
        }
    }

    private static void areaCodes(List<String> codes, List<FieldError> errors) {
        if (codes.size() > MAX_AREA_CODES) {
            errors.add(new FieldError("areaCodes", "at most " + MAX_AREA_CODES + " area codes"));
        }
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (code == null || !AREA_CODE.matcher(code).matches()) {
                errors.add(new FieldError("areaCodes", "each area code must have three digits"));
                return;
            }
            if (!seen.add(code)) {
                errors.add(new FieldError("areaCodes", "area code " + code + " is listed twice"));
                return;
            }
        }
    }

    private static void variants(List<Variant> variants, List<FieldError> errors) {
        if (variants.isEmpty()) {
            return;
        }
        int total = 0;
        for (Variant v : variants) {
            if (v == null || v.message() == null || v.message().isBlank()
                    || v.message().length() > LaunchReadiness.MAX_MESSAGE_LENGTH) {
                errors.add(new FieldError("variants", "each variant needs a message of 1 to "
                        + LaunchReadiness.MAX_MESSAGE_LENGTH + " characters"));
                return;
            }
            if (v.ratio() < 1 || v.ratio() > 100) {
                errors.add(new FieldError("variants", "each ratio is a percentage from 1 to 100"));
                return;
            }
            total += v.ratio();
        }
        if (total != 100) {
            errors.add(new FieldError("variants", "ratios must add up to 100"));
        }
    }

    private static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
