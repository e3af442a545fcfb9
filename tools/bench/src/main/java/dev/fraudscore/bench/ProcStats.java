package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What Linux says of a process in {@code /proc}: its resident memory and the CPU time it has used. */
final class ProcStats {

    /** USER_HZ: the unit of utime and stime; 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
    static final int TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /** VmRSS of {@code pid}, in KiB. */
    static long rssKiB(long pid) {
        return parseVmRssKiB(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    /** User plus system CPU time of {@code pid} since it started. */
    static Duration cpuTime(long pid) {
        return Duration.ofMillis(parseCpuTicks(read(Path.of("/proc", Long.toString(pid), "stat"))) * 1000 / TICKS_PER_SECOND);
    }

    /** CPU time all cores of the machine have spent busy (not idle, not waiting for I/O) since boot. */
    static Duration machineBusyTime() {
        return Duration.ofMillis(parseBusyTicks(read(Path.of("/proc/stat"))) * 1000 / TICKS_PER_SECOND);
    }

    /** The first line of {@code /proc/stat}, {@code cpu user nice system idle iowait irq softirq steal}, less idle and iowait. */
    static long parseBusyTicks(String procStat) {
        String[] fields = procStat.substring(0, procStat.indexOf('\n')).trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + fields[0]);
        }
        long busy = 0;
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }

    /** The {@code VmRSS:   123456 kB} line of {@code /proc/<pid>/status}. */
    static long parseVmRssKiB(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    return Long.parseLong(parts[0]);
                }
                throw new IllegalArgumentException("unexpected VmRSS line: " + line);
            }
        }
        throw new IllegalArgumentException("no VmRSS line in the status text (is it a kernel thread or a zombie?)");
    }

    /**
     * utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}), in ticks. The command name (field 2) is in
     * parentheses and may hold spaces and parentheses itself, so the fields are counted after the last ')'.
     */
    static long parseCpuTicks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the process exited?)", e);
        }
    }
}
