package dev.fraudscore.bench;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time per request of each process over a measured window, from {@code /proc}: user + system time read at the
 * window's start and end, divided by the requests of the window. A process counts with its children (nginx's
 * workers under its master). The sum of all of them is {@code total}.
 */
final class CpuAttribution {

    static final String TOTAL = "total";

    private CpuAttribution() {
    }

    /** CPU milliseconds used so far by each process with its children; a process that is gone is left out. */
    static Map<String, Long> snapshot(Map<String, Long> pids) {
        Map<String, Long> millis = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                long sum = ProcStats.cpuTime(pid).toMillis();
                for (long child : children(pid)) {
                    sum += childCpuMillis(child);
                }
                millis.put(name, sum);
            } catch (UncheckedIOException gone) {
                // exited: no figure rather than a wrong one
            }
        });
        return millis;
    }

    /**
     * Milliseconds of CPU per request of each process found in both snapshots, in the order of {@code after}, and
     * their sum as {@value #TOTAL}; all zero when there was no request.
     */
    static Map<String, Double> perRequestMillis(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> end : after.entrySet()) {
            Long start = before.get(end.getKey());
            if (start == null) {
                continue;
            }
            double share = requests == 0 ? 0 : (double) (end.getValue() - start) / requests;
            perRequest.put(end.getKey(), share);
            total += share;
        }
        perRequest.put(TOTAL, total);
        return perRequest;
    }

    private static long[] children(long pid) {
        return ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(ProcessHandle::pid).toArray())
                .orElse(new long[0]);
    }

    private static long childCpuMillis(long pid) {
        try {
            return ProcStats.cpuTime(pid).toMillis();
        } catch (UncheckedIOException gone) {
            return 0;
        }
    }
}
