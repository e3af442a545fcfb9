package dev.fraudscore.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JVM has committed for the Java heap and the metaspace ({@code jcmd <pid> GC.heap_info}), so that resident
 * memory can be split into what the JVM holds and what native code (PyTorch) holds outside it.
 */
record HeapInfo(long heapCommittedKiB, long metaspaceCommittedKiB) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");

    static HeapInfo of(long pid) {
        return parse(Jcmd.run(pid, "GC.heap_info"));
    }

    static HeapInfo parse(String heapInfo) {
        return new HeapInfo(first(HEAP, heapInfo), first(METASPACE, heapInfo));
    }

    private static long first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no '" + pattern + "' in the GC.heap_info output: " + text);
        }
        return Long.parseLong(matcher.group(1));
    }
}
