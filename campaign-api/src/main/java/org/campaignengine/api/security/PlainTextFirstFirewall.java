package org.campaignengine.api.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall}, refusing exactly what it refuses, with its header and parameter
 * checks made cheap for the text nearly every request carries. The firewall checks a header's name and value each
 * time anything reads the header, and Spring MVC copies every header of a request with a body, so a command had
 * its headers checked several times, each check a regular expression asking the Unicode tables about every
 * character ({@code \p{IsAssigned}} and not {@code \p{IsControl}}): about 4 % of a command's request thread.
 *
 * <p>Printable ASCII (space to tilde) is assigned and no control character, so a name or value made only of it
 * passes the expressions; a tab passes where the firewall allows one (header values). Anything else is left to
 * the firewall's own predicate, so what is allowed and refused does not change ({@code PlainTextFirstFirewallTest}
 * holds each check to Spring's over every character).
 */
final class PlainTextFirstFirewall {

    private PlainTextFirstFirewall() {
    }

    static StrictHttpFirewall create() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(plainFirst(false, StrictHttpFirewall.ALLOWED_HEADER_NAMES));
        firewall.setAllowedHeaderValues(plainFirst(true, StrictHttpFirewall.ALLOWED_HEADER_VALUES));
        firewall.setAllowedParameterNames(plainFirst(false, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES));
        return firewall;
    }

    /** {@code strict}, asked only when {@code text} is not all printable ASCII (or tabs, where {@code tabs}). */
    static Predicate<String> plainFirst(boolean tabs, Predicate<String> strict) {
        return text -> plain(text, tabs) || strict.test(text);
    }

    private static boolean plain(String text, boolean tabs) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' || c > '~') && !(tabs && c == '\t')) {
                return false;
            }
        }
        return true;
    }
}
