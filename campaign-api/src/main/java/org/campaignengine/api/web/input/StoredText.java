package org.campaignengine.api.web.input;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Variant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Every text of every request body, read as Jackson reads it and refused if a store could not keep it
 * ({@link InputBounds#textProblem}). One reader for all of them, so a field added to a request is
 * covered without a line of its own; only {@link FreeText} fields (and the domain's {@link #FREE_TEXT}) may hold
 * tab and line breaks.
 */
final class StoredText extends StdScalarDeserializer<String> implements ContextualDeserializer {

    /**
     * The domain's fields people write prose in (request bodies mark theirs {@link FreeText}). Every other text
     * is a name, id, code, tag or time zone.
     */
    static final Map<Class<?>, Set<String>> FREE_TEXT = Map.of(
            CampaignSettings.class, Set.of("initialMessage", "script"),
            Variant.class, Set.of("message"));

    static final StoredText PLAIN = new StoredText(false);
    static final StoredText PROSE = new StoredText(true);

    private final boolean freeText;

    private StoredText(boolean freeText) {
        super(String.class);
        this.freeText = freeText;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return isFreeText(property) ? PROSE : PLAIN;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = text == null ? null : InputBounds.textProblem(text, freeText);
        if (problem != null) {
            throw new RefusedValue(p, problem);
        }
        return text;
    }

    private static boolean isFreeText(BeanProperty property) {
        if (property == null || property.getMember() == null) {
            return false;
        }
        if (property.getAnnotation(FreeText.class) != null) {
            return true;
        }
        Set<String> names = FREE_TEXT.get(property.getMember().getDeclaringClass());
        return names != null && names.contains(property.getName());
    }
}
