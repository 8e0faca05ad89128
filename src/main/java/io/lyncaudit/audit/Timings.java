package io.lyncaudit.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per phase of one run, for the benchmark and `LYNCAUDIT_TIMING=1`; never affects results. */
public final class Timings {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Charges the time since the previous mark to {@code phase}. */
    public void mark(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    public String summary() {
        StringBuilder s = new StringBuilder("timing:");
        nanos.forEach((k, v) -> s.append(' ').append(k).append('=').append(v / 1_000_000).append("ms"));
        return s.toString();
    }
}
