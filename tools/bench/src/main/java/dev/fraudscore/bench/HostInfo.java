package dev.fraudscore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine a result was measured on, and how busy it was when the benchmark began.
 *
 * @param loadAverage the 1, 5 and 15 minute load averages of {@code /proc/loadavg}
 */
record HostInfo(int cores, long memoryMiB, String cpu, String jdk, String os, String loadAverage) {

    static HostInfo read() {
        return new HostInfo(Runtime.getRuntime().availableProcessors(),
                firstLine(Path.of("/proc/meminfo"), "MemTotal:").map(HostInfo::kibToMib).orElse(-1L),
                firstLine(Path.of("/proc/cpuinfo"), "model name").map(HostInfo::afterColon).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                loadAverageNow());
    }

    /** "1.84 1.86 2.25". */
    static String loadAverageNow() {
        return lines(Path.of("/proc/loadavg")).stream().findFirst()
                .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3))).orElse("unknown");
    }

    String describe() {
        return cores + " cores (" + cpu + "), " + memoryMiB / 1024 + " GiB, " + jdk + ", " + os + "; load average "
                + loadAverage;
    }

    private static Optional<String> firstLine(Path file, String prefix) {
        return lines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String afterColon(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static long kibToMib(String memTotalLine) {
        return Long.parseLong(afterColon(memTotalLine).split("\\s+")[0]) / 1024;
    }
}
