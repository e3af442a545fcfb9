package dev.fraudscore.bench;

import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * New versions written into the repository while a closed-loop load runs: for each, the time from the rename that
 * makes it appear to the first answer it gives, to the last answer of an older version, and the calls that failed
 * from the rename until the load has settled on it.
 *
 * @param firstAnswerMillis from the rename to the first answer carrying the new version
 * @param allAnswersMillis  from the rename until every answer carries it (the last older answer, or the first new one)
 * @param gapMillis         from the last answer of an older version to the first of the new one (0 when they
 *                          overlapped; about one call latency when the routing switched between them)
 * @param failures          failed calls in the swap's window, by gRPC status
 */
record SwapRun(int run, int swap, String version, double firstAnswerMillis, double allAnswersMillis, double gapMillis,
        long answered,
        long failed, Map<String, Long> failures, double p99MillisDuringSwap) {

    /** @param jitter up to this much more settling, drawn per swap: swaps must not fall in step with the polling */
    record Plan(int swaps, int concurrency, Duration settle, Duration jitter, Duration timeout, List<String> serverArguments) {
    }

    /** The swaps of one run; the first element's window before any swap is reported as swap 0. */
    static List<SwapRun> measure(Workbench bench, int run, Plan plan) {
        List<SwapRun> swaps = new ArrayList<>();
        try (BenchRepository repository = bench.newRepository();
             ServerProcess server = bench.startServer("swap-run" + run, repository, plan.serverArguments())) {
            Requests requests = Requests.forModel(server.metadata(bench.deadline()));
            try (ClosedLoopLoad load = new ClosedLoopLoad(PredictServiceGrpc.newStub(server.channel()), requests::get,
                    plan.concurrency(), bench.deadline()).start()) {
                ServerProcess.pause(plan.settle());
                swaps.add(of(run, 0, "1", -1, -1, 0, load.window().summary()));
                SplittableRandom random = new SplittableRandom(run);
                for (int swap = 1; swap <= plan.swaps(); swap++) {
                    String version = Integer.toString(swap + 1);
                    ServerProcess.pause(Duration.ofMillis(random.nextLong(plan.jitter().toMillis() + 1)));
                    LoadWindow window = load.nextWindow();
                    repository.addVersion(version);
                    long appeared = System.nanoTime();
                    long first = awaitFirstAnswer(window, version, plan.timeout());
                    ServerProcess.pause(plan.settle());
                    long lastOlder = window.lastAnswerOfOthersNanos(version);
                    swaps.add(of(run, swap, version, millis(first - appeared), millis(Math.max(first, lastOlder) - appeared),
                            lastOlder < 0 ? 0 : Math.max(0, millis(first - lastOlder)), window.summary()));
                    System.out.println("  " + describe(swaps.get(swaps.size() - 1)));
                }
            }
        }
        return swaps;
    }

    static String describe(SwapRun s) {
        return "run " + s.run() + ", version " + s.version() + ": first answer after " + Numbers.f0(s.firstAnswerMillis())
                + " ms, all answers after " + Numbers.f0(s.allAnswersMillis())
                + " ms, gap between the last older and the first new answer " + Numbers.f0(s.gapMillis()) + " ms; "
                + s.failed() + " failed "
                + s.failures() + " of " + (s.answered() + s.failed()) + " calls";
    }

    private static long awaitFirstAnswer(LoadWindow window, String version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (window.firstAnswerNanos(version) < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("version " + version + " did not answer within " + timeout.toSeconds()
                        + " s of appearing in the repository; see the server log");
            }
            ServerProcess.pause(Duration.ofMillis(10));
        }
        return window.firstAnswerNanos(version);
    }

    private static SwapRun of(int run, int swap, String version, double first, double all, double gap,
            LoadWindow.Summary window) {
        return new SwapRun(run, swap, version, first, all, gap, window.ok(), window.failed(), window.failures(),
                window.latency().p99Micros() / 1000);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
