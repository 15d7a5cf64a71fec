package org.campaignengine.api.e2e;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Values no store should be handed, as raw JSON tokens, and request bodies with one field replaced by one
 * of them. Tokens are spliced into the body's text, so a lone surrogate arrives as the escape a client
 * wrote ({@code "\ud800"}) rather than the '?' a UTF-8 encoder would make of it.
 */
final class BadInputs {

    private static final String MARK = "@@bad-input@@";

    /**
     * A value to put in a field, as its JSON token; whether a free-text field takes it; whether the refusal
     * names the field (a number no long holds is refused by the JSON reader as a whole body).
     */
    record Value(String label, String token, boolean freeTextTakesIt, boolean fieldNamed) {

        Value(String label, String token, boolean freeTextTakesIt) {
            this(label, token, freeTextTakesIt, true);
        }
    }

    /** Control characters, halves of surrogate pairs and text longer than any field takes. */
    static final List<Value> TEXTS = List.of(
            new Value("NUL", "\"a\\u0000b\"", false),
            new Value("SOH", "\"\\u0001\"", false),
            new Value("ESC", "\"a\\u001bb\"", false),
            new Value("US", "\"a\\u001f\"", false),
            new Value("DEL", "\"a\\u007fb\"", false),
            new Value("tab", "\"a\\tb\"", true),
            new Value("line feed", "\"a\\nb\"", true),
            new Value("carriage return", "\"a\\rb\"", true),
            new Value("lone high surrogate", "\"a\\ud800\"", false),
            new Value("lone low surrogate", "\"\\udc00b\"", false),
            new Value("overlong", "\"" + "x".repeat(20_001) + "\"", false));

    /** Instants outside the years 1970 to 9999, written as text and as numbers. */
    static final List<Value> TIMES = List.of(
            new Value("year -4000", "\"-4000-01-01T00:00:00Z\"", false),
            new Value("year 0", "\"0000-01-01T00:00:00Z\"", false),
            new Value("year 1969", "\"1969-12-31T23:59:59Z\"", false),
            new Value("year 10000", "\"+10000-01-01T00:00:00Z\"", false),
            new Value("year 300000", "\"+300000-01-01T00:00:00Z\"", false),
            new Value("seconds before 1970", "-1", false),
            new Value("seconds past 9999", "253402300800", false),
            new Value("a huge number", "1e300", false));

    /** Costs below zero, above the cap, and numbers no long holds. */
    static final List<Value> COSTS = List.of(
            new Value("Long.MAX_VALUE", Long.toString(Long.MAX_VALUE), false),
            new Value("Long.MIN_VALUE", Long.toString(Long.MIN_VALUE), false),
            new Value("negative", "-1", false),
            new Value("above the cap", "1000000000001", false),
            new Value("past a long", "9223372036854775808", false, false),
            new Value("a huge number", "1e300", false, false));

    private BadInputs() {
    }

    /** The body's JSON text with the field at {@code path} ({@code records[1].messageId}) set to the token. */
    static String with(JsonNode body, String path, Value value) {
        JsonNode copy = body.deepCopy();
        List<String> steps = steps(path);
        JsonNode parent = copy;
        for (String step : steps.subList(0, steps.size() - 1)) {
            parent = step.startsWith("[") ? parent.get(index(step)) : parent.get(step);
        }
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(index(last), TextNode.valueOf(MARK));
        } else {
            ((ObjectNode) parent).put(last, MARK);
        }
        return copy.toString().replace("\"" + MARK + "\"", value.token());
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            steps.add(bracket < 0 ? part : part.substring(0, bracket));
            if (bracket >= 0) {
                steps.add(part.substring(bracket));
            }
        }
        return steps;
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(1, step.length() - 1));
    }
}
