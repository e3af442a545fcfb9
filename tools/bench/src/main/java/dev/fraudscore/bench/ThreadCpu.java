package dev.fraudscore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of a process by thread group, from {@code /proc/<pid>/task/<tid>/stat}: a profile for free. The JVM
 * names its native threads after the Java ones (cut to 15 characters), so the batcher, the Netty event loops, the
 * gRPC executor, the JIT and the GC show apart. Digits are dropped so that numbered threads add up.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Ticks used so far by each thread group of {@code pid}. */
    static Map<String, Long> snapshot(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    ticks.merge(group(stat), ProcStats.parseCpuTicks(stat), Long::sum);
                } catch (IOException threadGone) {
                    // the thread ended between the listing and the read; its time is lost, as it would be anyway
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /**
     * Share of the CPU each group used between two snapshots, in percent of one core over {@code seconds},
     * largest first; groups under 0.5 % are left out.
     */
    static Map<String, Double> coresPercent(Map<String, Long> before, Map<String, Long> after, double seconds) {
        Map<String, Double> percent = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> {
                    double share = 100.0 * e.getValue() / ProcStats.TICKS_PER_SECOND / seconds;
                    if (share >= 0.5) {
                        percent.put(e.getKey(), Math.round(share * 10) / 10.0);
                    }
                });
        return percent;
    }

    /** The thread's name from its stat line, digits replaced by '#'. */
    static String group(String stat) {
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return name.replaceAll("[0-9]+", "#");
    }
}
