package dev.fraudscore.predictservice.remote.bench;

import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.TestManifests;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load on one service's Predict: {@code callers} threads, each sending a one-row request (as business-api
 * does) as soon as the previous one is answered, for a fixed time; latencies in microseconds, CPU from /proc.
 */
final class LoadRun {

    private static final List<PredictRequest> REQUESTS = requests(1_000);

    record Result(long requests, long errors, Histogram micros, Duration elapsed, long serviceCpuMicros,
            long remoteCpuMicros) {

        double perSecond() {
            return requests * 1e9 / elapsed.toNanos();
        }
    }

    private LoadRun() {
    }

    /**
     * @param service the predict-service under load, whose CPU is measured
     * @param remote  the remote server it calls (another JVM), or {@code null}
     */
    static Result run(Channel channel, int callers, Duration duration, ServiceProcess service, ServiceProcess remote)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        AtomicLong errors = new AtomicLong();
        long serviceCpu = service.cpuMicros();
        long remoteCpu = remote == null ? 0 : remote.cpuMicros();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<Histogram>> work = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            work.add(threads.submit(() -> callUntil(channel, end, caller, errors)));
        }
        Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long requests = 0;
        for (Future<Histogram> done : work) {
            Histogram one = done.get();
            requests += one.getTotalCount();
            all.add(one);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long usedByService = service.cpuMicros() - serviceCpu;
        long usedByRemote = remote == null ? 0 : remote.cpuMicros() - remoteCpu;
        threads.shutdown();
        return new Result(requests, errors.get(), all, elapsed, usedByService, usedByRemote);
    }

    private static Histogram callUntil(Channel channel, long end, int caller, AtomicLong errors) {
        Histogram micros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        PredictServiceGrpc.PredictServiceBlockingStub stub = PredictServiceGrpc.newBlockingStub(channel);
        for (int i = caller; System.nanoTime() < end; i += 7) {
            long t0 = System.nanoTime();
            try {
                stub.withDeadlineAfter(1, TimeUnit.SECONDS).predict(REQUESTS.get(i % REQUESTS.size()));
                micros.recordValue((System.nanoTime() - t0) / 1_000);
            } catch (StatusRuntimeException e) {
                errors.incrementAndGet();
            }
        }
        return micros;
    }

    private static List<PredictRequest> requests(int count) {
        List<PredictRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(GrpcTestClient.request("", "", "card-" + i, TestManifests.rows(1, i)));
        }
        return requests;
    }
}
