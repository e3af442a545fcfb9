package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of predict-service over the measured window (started and stopped with jcmd), read back
 * as the share of Java execution samples by top frame. Samples cover threads running Java code only: time in
 * native code (the PyTorch forward pass, epoll) shows in {@link ThreadCpu}, not here.
 */
final class JfrProfile {

    private static final String NAME = "fraudscore-bench";

    private final long pid;
    private final Path file;

    private JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static JfrProfile start(long pid, Path file) {
        Jcmd.run(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
        return new JfrProfile(pid, file);
    }

    /** Stops the recording and returns the {@code top} methods by share of samples, in percent. */
    Map<String, Double> stop(int top) {
        Jcmd.run(pid, "JFR.stop", "name=" + NAME);
        Map<String, Integer> samples = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                        && !event.getStackTrace().getFrames().isEmpty()) {
                    samples.merge(describe(event.getStackTrace().getFrames().get(0)), 1, Integer::sum);
                    total++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + file, e);
        }
        int all = total;
        Map<String, Double> shares = new LinkedHashMap<>();
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> shares.put(e.getKey(), Math.round(1000.0 * e.getValue() / all) / 10.0));
        return shares;
    }

    private static String describe(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
