package org.campaignengine.domain.campaign;

import java.util.List;
import java.util.function.Predicate;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the typed refusals a client relies on: the status, the allowed actions, the missing items. */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    public static Matcher<LifecycleViolation> conflict(CampaignStatus currentStatus, String... allowedActions) {
        return matching("LifecycleViolation in " + currentStatus + " allowing " + List.of(allowedActions),
                LifecycleViolation.class, e -> e.currentStatus() == currentStatus
                        && e.allowedActions().equals(List.of(allowedActions))
                        && e.errorCode().equals("LIFECYCLE_CONFLICT"));
    }

    public static Matcher<LifecycleViolation> fieldConflict(CampaignStatus currentStatus, String field) {
        return matching("LifecycleViolation in " + currentStatus + " for field " + field,
                LifecycleViolation.class, e -> e.currentStatus() == currentStatus && field.equals(e.field()));
    }

    public static Matcher<NotReadyForLaunch> notReady(String... missing) {
        return matching("NotReadyForLaunch missing exactly " + List.of(missing), NotReadyForLaunch.class,
                e -> e.missing().equals(List.of(missing)) && e.errorCode().equals("NOT_LAUNCH_READY"));
    }

    public static Matcher<InvalidCampaignInput> invalid(String field) {
        return matching("InvalidCampaignInput for " + field, InvalidCampaignInput.class,
                e -> e.errors().stream().anyMatch(error -> error.field().equals(field)));
    }

    public static <T> Matcher<T> matching(String description, Class<T> type, Predicate<T> predicate) {
        return new TypeSafeMatcher<>(type) {
            @Override
            protected boolean matchesSafely(T item) {
                return predicate.test(item);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(description);
            }

            @Override
            protected void describeMismatchSafely(T item, Description d) {
                d.appendText("was ").appendValue(item);
                if (item instanceof LifecycleViolation v) {
                    d.appendText(" in ").appendValue(v.currentStatus()).appendText(" allowing ")
                            .appendValue(v.allowedActions()).appendText(" field ").appendValue(v.field());
                } else if (item instanceof NotReadyForLaunch n) {
                    d.appendText(" missing ").appendValue(n.missing());
                }
            }
        };
    }
}
