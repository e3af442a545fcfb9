package dev.fraudscore.bench;

import dev.fraudscore.contracts.predict.v1.LoadModelRequest;
import dev.fraudscore.contracts.predict.v1.ModelRepositoryServiceGrpc;
import dev.fraudscore.contracts.predict.v1.ModelRepositoryServiceGrpc.ModelRepositoryServiceBlockingStub;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc.PredictServiceBlockingStub;
import dev.fraudscore.contracts.predict.v1.UnloadModelRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * predict-service's resident memory (VmRSS) after the first load of a version and after each of many
 * UnloadModel/LoadModel cycles of it, with some Predict calls after each load so the version really serves. At the
 * first and the last point it is also read after a full GC (jcmd GC.run), so that garbage not yet collected
 * does not pass for a leak, with the heap and metaspace the JVM has committed then: what is left of the resident
 * memory is mostly native (PyTorch's tensors and modules, malloc arenas, thread stacks, code cache).
 *
 * @param jvmFirstLoad committed heap and metaspace after the first load (after the GC)
 * @param jvmLastCycle the same after the last cycle
 */
record MemoryRun(int run, int cycles, long rssFirstLoadKiB, long rssFirstLoadAfterGcKiB, long rssLastCycleKiB,
        long rssLastCycleAfterGcKiB, HeapInfo jvmFirstLoad, HeapInfo jvmLastCycle, double secondsPerCycle,
        List<Long> rssAfterEachLoadKiB) {

    record Plan(int cycles, int requestsPerCycle) {
    }

    static MemoryRun measure(Workbench bench, int run, Plan plan) {
        try (BenchRepository repository = bench.newRepository();
             ServerProcess server = bench.startServer("memory-run" + run, repository, List.of())) {
            Requests requests = Requests.forModel(server.metadata(bench.deadline()));
            long deadline = bench.deadline().toMillis();
            PredictServiceBlockingStub predict = PredictServiceGrpc.newBlockingStub(server.channel());
            ModelRepositoryServiceBlockingStub models = ModelRepositoryServiceGrpc.newBlockingStub(server.channel());
            Runnable exercise = () -> {
                for (int i = 0; i < plan.requestsPerCycle(); i++) {
                    predict.withDeadlineAfter(deadline, TimeUnit.MILLISECONDS).predict(requests.get(i));
                }
            };
            exercise.run();
            long first = ProcStats.rssKiB(server.pid());
            long firstAfterGc = afterGc(server.pid());
            HeapInfo jvmFirst = HeapInfo.of(server.pid());
            List<Long> series = new ArrayList<>();
            long start = System.nanoTime();
            for (int cycle = 1; cycle <= plan.cycles(); cycle++) {
                // LoadModel and UnloadModel answer when the version is served or freed: no waiting of our own
                models.withDeadlineAfter(60, TimeUnit.SECONDS).unloadModel(UnloadModelRequest.newBuilder()
                        .setModelName(bench.model()).setVersion("1").build());
                models.withDeadlineAfter(60, TimeUnit.SECONDS).loadModel(LoadModelRequest.newBuilder()
                        .setModelName(bench.model()).setVersion("1").build());
                exercise.run();
                series.add(ProcStats.rssKiB(server.pid()));
            }
            double perCycle = (System.nanoTime() - start) / 1e9 / plan.cycles();
            long last = ProcStats.rssKiB(server.pid());
            long lastAfterGc = afterGc(server.pid());
            return new MemoryRun(run, plan.cycles(), first, firstAfterGc, last, lastAfterGc, jvmFirst,
                    HeapInfo.of(server.pid()), perCycle, series);
        }
    }

    /** Resident memory less the heap and metaspace the JVM has committed: native memory, roughly. */
    static long outsideHeapKiB(long rssKiB, HeapInfo jvm) {
        return rssKiB - jvm.heapCommittedKiB() - jvm.metaspaceCommittedKiB();
    }

    private static long afterGc(long pid) {
        Jcmd.run(pid, "GC.run");
        return ProcStats.rssKiB(pid);
    }
}
