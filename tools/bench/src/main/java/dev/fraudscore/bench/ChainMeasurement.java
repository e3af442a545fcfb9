package dev.fraudscore.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One open-loop run against a target with the CPU of the given processes, and of this JVM as
 * {@value #LOAD_GENERATOR}, read at the measured window's edges.
 */
final class ChainMeasurement {

    static final String LOAD_GENERATOR = "load-generator";

    private final Map<String, Long> pids;
    private final Duration drainWithin;

    /** @param pids the processes to attribute CPU to, by name; this JVM is added */
    ChainMeasurement(Map<String, Long> pids, Duration drainWithin) {
        this.pids = new LinkedHashMap<>(pids);
        this.pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        this.drainWithin = drainWithin;
    }

    ChainResult measure(LoadTarget target, ArrivalSchedule schedule, String mode, int cards) {
        HostInfo host = HostInfo.read();
        ChainResult.Setting setting = new ChainResult.Setting(mode, target.describe(), schedule.rate(),
                schedule.warmup().toMillis() / 1000.0, cards, host.loadAverage(), host.describe());
        Map<String, Map<String, Long>> cpu = new LinkedHashMap<>();
        long[] busy = new long[2];
        OpenLoopRun.Windows windows = new OpenLoopRun(Ticker.SYSTEM, drainWithin).run(target, schedule,
                new OpenLoopRun.Boundaries() {
                    @Override
                    public void measureStarts() {
                        busy[0] = ProcStats.machineBusyTime().toMillis();
                        cpu.put("before", CpuAttribution.snapshot(pids));
                    }

                    @Override
                    public void measureEnds() {
                        cpu.put("after", CpuAttribution.snapshot(pids));
                        busy[1] = ProcStats.machineBusyTime().toMillis();
                    }
                });
        return ChainResult.of(setting, windows, CpuAttribution.perRequestMillis(cpu.get("before"), cpu.get("after"),
                windows.sentMeasured()), busy[1] - busy[0], HostInfo.loadAverageNow(), Instant.now());
    }
}
