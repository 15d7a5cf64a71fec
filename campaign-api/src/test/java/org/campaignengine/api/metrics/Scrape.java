package org.campaignengine.api.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} (Prometheus' text format), read into samples. */
record Scrape(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {

        String label(String name) {
            return labels.get(name);
        }
    }

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher label = LABEL.matcher(m.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new Scrape(List.copyOf(samples));
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of the samples of this name whose labels have these values ({@code name, value, ...}). */
    double sum(String name, String... labels) {
        return select(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    List<Sample> select(String name, String... labels) {
        Predicate<Sample> matching = s -> true;
        for (int i = 0; i < labels.length; i += 2) {
            String label = labels[i];
            String value = labels[i + 1];
            matching = matching.and(s -> value.equals(s.label(label)));
        }
        return named(name).stream().filter(matching).toList();
    }
}
