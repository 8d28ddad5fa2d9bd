package io.twofold.mfa.app.e2e;

import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.Summary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code /metrics} answer as a scraper reads it: parsed by Hawkular's Prometheus text-format parser
 * (not by this test), into samples by name and labels. A summary gives {@code <name>_count} and
 * {@code <name>_sum} samples, as Prometheus stores it.
 */
final class Scrape {
    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final List<Map<String, String>> labelSets = new ArrayList<>();
    private final List<String> families = new ArrayList<>();

    private Scrape() {
    }

    static Scrape parse(String text) {
        Scrape scrape = new Scrape();
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                scrape.families.add(family.getName());
                for (Metric metric : family.getMetrics()) {
                    scrape.add(metric);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (scrape.families.isEmpty()) {
            throw new AssertionError("the parser found no metric family in:\n" + text);
        }
        return scrape;
    }

    private void add(Metric metric) {
        labelSets.add(metric.getLabels());
        if (metric instanceof Counter counter) {
            samples.put(key(metric.getName(), metric.getLabels()), counter.getValue());
        } else if (metric instanceof Gauge gauge) {
            samples.put(key(metric.getName(), metric.getLabels()), gauge.getValue());
        } else if (metric instanceof Summary summary) {
            samples.put(key(metric.getName() + "_count", metric.getLabels()), (double) summary.getSampleCount());
            samples.put(key(metric.getName() + "_sum", metric.getLabels()), summary.getSampleSum());
        } else if (metric instanceof Histogram histogram) {
            samples.put(key(metric.getName() + "_count", metric.getLabels()), (double) histogram.getSampleCount());
            samples.put(key(metric.getName() + "_sum", metric.getLabels()), histogram.getSampleSum());
        }
    }

    /** The sample's value; 0 when the series does not exist (yet). Labels as name, value pairs. */
    double value(String name, String... labels) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return samples.getOrDefault(key(name, map), 0.0);
    }

    /** The sum over every series of {@code name} whose labels include these. */
    double sum(String name, String... labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") && contains(e.getKey(), labels))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    List<String> families() {
        return families;
    }

    List<Map<String, String>> labelSets() {
        return labelSets;
    }

    List<String> seriesOf(String name) {
        return samples.keySet().stream().filter(k -> k.startsWith(name + "{")).toList();
    }

    private static boolean contains(String key, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!key.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }

    private static String key(String name, Map<String, String> labels) {
        StringBuilder key = new StringBuilder(name).append('{');
        new TreeMap<>(labels).forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
        return key.append('}').toString();
    }
}
