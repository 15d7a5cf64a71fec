package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's cheap checks allow and refuse exactly what Spring Security's own do: every character of the
 * Basic Multilingual Plane, alone and inside plain text, and characters beyond it (surrogate pairs, paired and
 * not).
 */
class PlainTextFirstFirewallTest {

    @Test
    void headerNamesAreAllowedAndRefusedExactlyAsSpringSecurityDoes() {
        agreeEverywhere(false, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
    }

    @Test
    void headerValuesAreAllowedAndRefusedExactlyAsSpringSecurityDoesTabsIncluded() {
        agreeEverywhere(true, StrictHttpFirewall.ALLOWED_HEADER_VALUES);
    }

    @Test
    void parameterNamesAreAllowedAndRefusedExactlyAsSpringSecurityDoes() {
        agreeEverywhere(false, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
    }

    @Test
    void plainTextPassesWithoutAskingSpringSecuritysExpressionAndAnythingElseIsAskedOnce() {
        List<String> asked = new ArrayList<>();
        Predicate<String> check = PlainTextFirstFirewall.plainFirst(true, text -> asked.add(text));
        assertThat(check.test("Basic YWRtaW46c2VjcmV0\twith a tab ~")).isTrue();
        assertThat(check.test("")).isTrue();
        assertThat(asked).isEmpty();
        assertThat(check.test("caf\u00e9")).isTrue();
        assertThat(asked).containsExactly("caf\u00e9");
        assertThat(PlainTextFirstFirewall.plainFirst(false, text -> false).test("a\tb")).isFalse();
    }

    private static void agreeEverywhere(boolean tabs, Predicate<String> spring) {
        Predicate<String> ours = PlainTextFirstFirewall.plainFirst(tabs, spring);
        int allowed = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String alone = String.valueOf((char) c);
            String within = "X-Name " + (char) c + " value";
            assertThat(ours.test(alone)).as("U+%04X alone", c).isEqualTo(spring.test(alone));
            assertThat(ours.test(within)).as("U+%04X within text", c).isEqualTo(spring.test(within));
            allowed += spring.test(alone) ? 1 : 0;
        }
        // both outcomes occur: the comparison is not between two checks that allow everything
        assertThat(allowed).isBetween(1, Character.MAX_VALUE - 1);
        for (String beyond : List.of("\uD83D\uDE00", "a\uD83D\uDE00b", "\uD83D", "\uDE00", "\uDB7F\uDFFF",
                "\uDB40\uDC01")) {
            assertThat(ours.test(beyond)).as(beyond).isEqualTo(spring.test(beyond));
        }
    }
}
