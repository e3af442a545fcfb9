package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of predict-service over the measured window (started and stopped with jcmd, default settings,
 * on a JVM started with {@link #JVM_OPTIONS}), read back as shares of the Java execution samples: by top frame, and
 * by library anywhere on the stack (what share of the samples ran inside Netty, gRPC, Micrometer, our code...).
 * Samples cover threads running Java code only: time in native code (the PyTorch forward pass, epoll) shows in
 * {@link ThreadCpu}, not here.
 */
final class JfrProfile {

    private static final String NAME = "fraudscore-bench";
    /**
     * A recording from the server's start: JFR's first start in a JVM costs seconds of JIT work, which must fall in
     * the warm-up, not in the measured window (it halved the throughput measured there).
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:StartFlightRecording=name=startup,maxage=30s");
    private static final List<String> LIBRARIES = List.of("io.netty", "io.grpc", "com.google.protobuf", "io.micrometer",
            "org.springframework", "dev.fraudscore", "ai.djl", "java.util.concurrent");

    /** @param topFrames share of samples by the method on top of the stack, in percent, largest first */
    record Profile(long samples, Map<String, Double> topFrames, Map<String, Double> onStack) {
    }

    private final long pid;
    private final Path file;

    private JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static JfrProfile start(long pid, Path file) {
        Jcmd.run(pid, "JFR.start", "name=" + NAME, "filename=" + file.toAbsolutePath());
        return new JfrProfile(pid, file);
    }

    Profile stop(int top) {
        Jcmd.run(pid, "JFR.stop", "name=" + NAME);
        Map<String, Integer> frames = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> stack = event.getStackTrace().getFrames();
                frames.merge(method(stack.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                stack.forEach(frame -> library(frame).ifPresent(seen::add));
                seen.forEach(library -> libraries.merge(library, 1, Integer::sum));
                total++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + file, e);
        }
        return new Profile(total, shares(frames, total, top), shares(libraries, total, LIBRARIES.size()));
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int total, int top) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> shares.put(e.getKey(), Math.round(1000.0 * e.getValue() / total) / 10.0));
        return shares;
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static java.util.Optional<String> library(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return LIBRARIES.stream().filter(type::startsWith).findFirst();
    }
}
