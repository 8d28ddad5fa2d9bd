package io.twofold.mfa.app.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What one scenario sent and got back, and each invariant it checked with its count: printed as the
 * scenario's report, whatever the outcome of its assertions.
 */
final class Tally {
    private final String scenario;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> invariants = Collections.synchronizedList(new ArrayList<>());

    Tally(String scenario) {
        this.scenario = scenario;
    }

    void record(String path, Answer answer) {
        answers.add(answer);
        outcomes.computeIfAbsent(path + " -> " + answer.outcome(), key -> new AtomicLong()).incrementAndGet();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    void note(String line) {
        notes.add(line);
    }

    /** Records an invariant as checked, with the count it was checked over, and returns whether it held. */
    boolean invariant(String what, long checked, boolean held) {
        invariants.add((held ? "HELD    " : "BROKEN  ") + what + " [" + checked + " checked]");
        return held;
    }

    /** The invariants that did not hold. */
    List<String> broken() {
        synchronized (invariants) {
            return invariants.stream().filter(line -> line.startsWith("BROKEN")).toList();
        }
    }

    String report() {
        StringBuilder out = new StringBuilder("\n==== fault scenario: ").append(scenario).append('\n');
        out.append("sent: ").append(answers.size()).append(" requests; per node: ")
                .append(String.valueOf(answers.stream().collect(Collectors.groupingBy(Answer::node, TreeMap::new, Collectors.counting()))))
                .append('\n');
        new TreeMap<>(outcomes).forEach((outcome, count) -> out.append("  ").append(String.format("%6d", count.get()))
                .append("  ").append(outcome).append('\n'));
        synchronized (notes) {
            notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        }
        synchronized (invariants) {
            invariants.forEach(invariant -> out.append("invariant: ").append(invariant).append('\n'));
        }
        return out.toString();
    }
}
