package dev.fraudscore.bench;

import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One saturation run: a fresh predict-service with one batching choice, a closed-loop load warmed up and then
 * measured, and what the server spent on it (CPU from /proc, batcher metrics, CPU by thread group).
 *
 * @param serverCpuMicrosPerRequest predict-service's user+system CPU over the window, per answered request
 * @param loaderCpuMicrosPerRequest the same for this JVM (the load generator)
 * @param serverCoresUsed           predict-service's CPU over the window in cores (2.0 = both cores all the time)
 * @param otherCoresUsed            CPU of every other process of the host over the window, in cores: the noise (the
 *                                  three readings are not simultaneous, so a few ticks below 0 read as 0)
 * @param serverThreads             predict-service's CPU by thread group, in percent of one core
 * @param profile                   with --profile: shares of Java samples by top frame and by library on the stack
 */
record SaturationRun(BatchingChoice batching, int run, String loadAverageBefore, LoadWindow.Summary load,
        double serverCpuMicrosPerRequest, double loaderCpuMicrosPerRequest, double serverCoresUsed, double otherCoresUsed,
        BatchStats batches,
        Map<String, Double> serverThreads, JfrProfile.Profile profile) {

    record Plan(int concurrency, Duration warmup, Duration measure, boolean profile) {
    }

    static SaturationRun measure(Workbench bench, BatchingChoice choice, int run, Plan plan) {
        String loadAverage = HostInfo.loadAverageNow();
        try (BenchRepository repository = bench.newRepository();
             ServerProcess server = bench.startServer("saturation-" + choice.tag() + "-run" + run, repository,
                     choice.arguments(), plan.profile() ? JfrProfile.JVM_OPTIONS : List.of())) {
            Requests requests = Requests.forModel(server.metadata(bench.deadline()));
            long self = ProcessHandle.current().pid();
            try (ClosedLoopLoad load = new ClosedLoopLoad(PredictServiceGrpc.newStub(server.channel()), requests::get,
                    plan.concurrency(), bench.deadline()).start()) {
                ServerProcess.pause(plan.warmup());
                PrometheusText metricsBefore = server.metrics();
                Map<String, Long> threadsBefore = ThreadCpu.snapshot(server.pid());
                Duration serverBefore = ProcStats.cpuTime(server.pid());
                Duration loaderBefore = ProcStats.cpuTime(self);
                Duration machineBefore = ProcStats.machineBusyTime();
                JfrProfile profile = plan.profile() ? JfrProfile.start(server.pid(),
                        server.log().resolveSibling(server.log().getFileName() + ".jfr")) : null;
                LoadWindow window = load.nextWindow();
                ServerProcess.pause(plan.measure());
                load.nextWindow();
                Duration serverCpu = ProcStats.cpuTime(server.pid()).minus(serverBefore);
                Duration loaderCpu = ProcStats.cpuTime(self).minus(loaderBefore);
                Duration otherCpu = ProcStats.machineBusyTime().minus(machineBefore).minus(serverCpu).minus(loaderCpu);
                Map<String, Long> threadsAfter = ThreadCpu.snapshot(server.pid());
                PrometheusText metricsAfter = server.metrics();
                LoadWindow.Summary summary = window.summary();
                JfrProfile.Profile hot = profile == null ? null : profile.stop(12);
                return new SaturationRun(choice, run, loadAverage, summary,
                        perRequest(serverCpu, summary.ok()), perRequest(loaderCpu, summary.ok()),
                        cores(serverCpu, summary.seconds()), Math.max(0, cores(otherCpu, summary.seconds())),
                        BatchStats.between(metricsBefore, metricsAfter),
                        ThreadCpu.coresPercent(threadsBefore, threadsAfter, summary.seconds()), hot);
            }
        }
    }

    private static double cores(Duration cpu, double seconds) {
        return cpu.toNanos() / 1e9 / seconds;
    }

    private static double perRequest(Duration cpu, long requests) {
        return requests == 0 ? 0 : cpu.toNanos() / 1000.0 / requests;
    }
}
