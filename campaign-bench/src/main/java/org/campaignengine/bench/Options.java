package org.campaignengine.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code name=value} arguments (a leading {@code --} is allowed). */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String plain = arg.startsWith("--") ? arg.substring(2) : arg;
            int equals = plain.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("arguments are name=value, not " + arg);
            }
            options.put(plain.substring(0, equals), plain.substring(equals + 1));
        }
        return options;
    }
}
