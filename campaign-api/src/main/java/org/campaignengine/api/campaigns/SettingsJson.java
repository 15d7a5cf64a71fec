package org.campaignengine.api.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.campaignengine.api.web.input.RefusedValue;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.campaignengine.domain.campaign.SettingField;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads settings from a JSON object, knowing which fields were present: a PATCH changes exactly
 * those (null clears one). An unknown field is refused, never ignored.
 */
@Component
public class SettingsJson {

    static final String LAUNCH_AT = "launchAt";

    private final ObjectMapper json;

    SettingsJson(ObjectMapper json) {
        this.json = json;
    }

    record Patch(CampaignSettings values, Set<SettingField> fields, Instant launchAt) {
    }

    Patch read(JsonNode body, boolean launchAtAllowed) {
        if (body == null || !body.isObject()) {
            throw InvalidCampaignInput.of("body", "must be a JSON object of settings fields");
        }
        ObjectNode settings = ((ObjectNode) body).deepCopy();
        Instant launchAt = null;
        if (launchAtAllowed && settings.has(LAUNCH_AT)) {
            launchAt = convert(settings.remove(LAUNCH_AT), Instant.class, LAUNCH_AT);
            if (launchAt == null) {
                throw InvalidCampaignInput.of(LAUNCH_AT, "cannot be cleared; unschedule the campaign instead");
            }
        }
        Set<SettingField> fields = EnumSet.noneOf(SettingField.class);
        List<FieldError> unknown = new ArrayList<>();
        for (Iterator<String> names = settings.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            SettingField.byApiName(name).ifPresentOrElse(fields::add,
                    () -> unknown.add(new FieldError(name, "is not a settings field")));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidCampaignInput(unknown);
        }
        return new Patch(convert(settings, CampaignSettings.class, "settings"), fields, launchAt);
    }

    private <T> T convert(JsonNode node, Class<T> type, String field) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new InvalidCampaignInput(List.of(RefusedValue.errorOf(RefusedValue.path(e, field), e)));
        } catch (JsonProcessingException e) {
            throw InvalidCampaignInput.of(field, "is not readable JSON");
        }
    }
}
