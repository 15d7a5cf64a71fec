package org.campaignengine.api.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.campaignengine.api.activity.ActivityRequests.Activity;
import org.campaignengine.api.activity.ActivityRequests.Record;
import org.campaignengine.api.web.input.InputBounds;
import org.campaignengine.domain.campaign.ActivityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;

/**
 * The batch shortcut ({@link ActivityRequests#plainlyValid}) says a record is fine exactly when Bean Validation
 * finds nothing wrong with it, and knows every constraint the request declares: a constraint added to a record
 * without the shortcut learning it fails here, before the shortcut could let a batch through unchecked.
 */
class ActivityRequestsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void the_shortcut_knows_every_constraint_a_record_and_a_batch_declare() {
        assertThat(constraints(Record.class)).containsExactly(
                "(record) PersonalDataHasContact",
                "at NotNull",
                "callerId Size max=100",
                "contactId HasText max=100",
                "contactName Size max=200",
                "costMicros Max value=" + InputBounds.MAX_COST_MICROS,
                "costMicros PositiveOrZero",
                "messageId Size max=200",
                "phone Size max=40",
                "reason Size max=1000",
                "recordId HasText max=100",
                "recordId NotNull",
                "type NotNull");
        assertThat(constraints(Activity.class)).containsExactly("records NotEmpty");
        var records = VALIDATOR.getConstraintsForClass(Activity.class).getConstraintsForProperty("records");
        assertThat(records.getConstrainedContainerElementTypes()).singleElement().satisfies(element -> {
            assertThat(element.isCascaded()).isTrue();
            assertThat(element.getConstraintDescriptors()).extracting(d -> d.getAnnotation().annotationType()
                    .getSimpleName()).containsExactly("NotNull");
        });
    }

    @Test
    void the_shortcut_passes_a_record_exactly_when_bean_validation_finds_nothing_wrong() {
        Random random = new Random(7);
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            Record record = randomRecord(random);
            boolean clean = VALIDATOR.validate(record).isEmpty();
            assertThat(ActivityRequests.plainlyValid(record)).as("%s", record).isEqualTo(clean);
            valid += clean ? 1 : 0;
        }
        assertThat(valid).as("valid records among the random ones").isBetween(100, 19_900);
    }

    @Test
    void a_batch_passes_only_when_it_has_records_and_every_one_passes() {
        Record good = new Record("r-1", ActivityType.MESSAGE_SENT, Instant.EPOCH, "c-1", null, null, null, null, null,
                null, null, null);
        Record bad = new Record("r-2", ActivityType.MESSAGE_SENT, Instant.EPOCH, null, "Ana", null, null, null, null,
                null, null, null);
        assertThat(ActivityRequests.plainlyValid(new Activity(List.of(good, good)))).isTrue();
        assertThat(ActivityRequests.plainlyValid(new Activity(List.of(good, bad)))).isFalse();
        assertThat(ActivityRequests.plainlyValid(new Activity(List.of()))).isFalse();
        assertThat(ActivityRequests.plainlyValid(new Activity(null))).isFalse();
        assertThat(ActivityRequests.plainlyValid(new Activity(Arrays.asList(good, null)))).isFalse();
    }

    private static Record randomRecord(Random random) {
        return new Record(text(random, 100), random.nextInt(12) == 0 ? null : ActivityType.MESSAGE_SENT,
                random.nextInt(12) == 0 ? null : Instant.EPOCH, text(random, 100), text(random, 200),
                text(random, 40), text(random, 200), text(random, 1_000), cost(random), text(random, 100),
                null, null);
    }

    /** Null half the time, else a value at or about the bounds of a field of at most {@code max} characters. */
    private static String text(Random random, int max) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> null;
            case 5 -> "";
            case 6 -> random.nextBoolean() ? " " : "\u2003";
            case 7 -> "x".repeat(max);
            case 8 -> "x".repeat(max + 1);
            default -> "value-" + random.nextInt(1_000);
        };
    }

    private static Long cost(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> -1L;
            case 1 -> 0L;
            case 2 -> InputBounds.MAX_COST_MICROS;
            case 3 -> InputBounds.MAX_COST_MICROS + 1;
            default -> null;
        };
    }

    /** Each constraint declared on the type: "property Annotation attribute=value", sorted. */
    private static List<String> constraints(Class<?> type) {
        TreeSet<String> found = new TreeSet<>();
        var bean = VALIDATOR.getConstraintsForClass(type);
        bean.getConstraintDescriptors().forEach(d -> found.add("(record) " + describe(d)));
        bean.getConstrainedProperties().forEach(property -> property.getConstraintDescriptors()
                .forEach(d -> found.add(property.getPropertyName() + " " + describe(d))));
        return new ArrayList<>(found);
    }

    private static String describe(ConstraintDescriptor<?> descriptor) {
        StringBuilder text = new StringBuilder(descriptor.getAnnotation().annotationType().getSimpleName());
        Map<String, Object> attributes = descriptor.getAttributes();
        for (String name : List.of("max", "value")) {
            if (attributes.containsKey(name) && !(descriptor.getAnnotation().annotationType().getSimpleName()
                    .equals("Size") && name.equals("value"))) {
                text.append(' ').append(name).append('=').append(attributes.get(name));
            }
        }
        return text.toString();
    }
}
