package dev.fraudscore.predictservice.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.domain.ServedModel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Eight threads send Predict to swap-mlp without pause while versions 2 to 6 are written into the repository one
 * after the other; the poller loads each, and the default latest-1 policy retires the one before. No request
 * may fail, and every answer must come from a version that was servable at the time.
 *
 * <p>"Servable at the time", checked soundly: the service runs in this JVM, and its registry is one immutable
 * picture, swapped atomically. Each request reads the picture's READY versions just before it is sent and again
 * just after its answer has arrived; the request is taken to start before the first read and to end after the
 * second. An answer from version V passes only if V was READY in one of the two reads, that is at a moment
 * within the request, so the check never passes an answer from a version that was not servable at any moment
 * of its request (one still loading or warming up throughout, or already retired when it was sent). It can
 * only fail a correct answer if V became READY after the request was sent and was retired again before the
 * answer arrived: a version's whole READY life inside one request. The test rules that out by letting each
 * version answer {@value #ANSWERS_PER_VERSION} requests before the next is published, which then still has to
 * be found by the poller and loaded.
 */
class HotSwapIT extends RunningService {

    private static final String MODEL = "swap-mlp";
    private static final int CLIENTS = 8;
    private static final int LAST_VERSION = 6;
    private static final int ANSWERS_PER_VERSION = 200;

    private record Answer(String version, Set<String> readyBefore, Set<String> readyAfter) {

        boolean fromAServableVersion() {
            return readyBefore.contains(version) || readyAfter.contains(version);
        }
    }

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> answersByVersion = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    @Test
    void newVersionsReplaceTheOldOnesUnderLoadWithoutAFailedRequest() throws InterruptedException {
        repository().publish(MODEL, "1", 1);
        client.load(MODEL);
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        IntStream.range(0, CLIENTS).forEach(sender -> senders.execute(() -> send(sender)));

        for (int version = 2; version <= LAST_VERSION; version++) {
            awaitAnswersFrom(String.valueOf(version - 1));
            repository().publish(MODEL, String.valueOf(version), version);
            Set<String> alone = Set.of(String.valueOf(version));
            // the new version serves, and the old one has been retired and freed
            await().atMost(Duration.ofSeconds(30)).until(() -> versions().equals(alone));
        }
        awaitAnswersFrom(String.valueOf(LAST_VERSION));
        stop.set(true);
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(answers).allMatch(Answer::fromAServableVersion,
                "an answer from a version READY at some moment of its request");
        assertThat(answersByVersion).containsOnlyKeys("1", "2", "3", "4", "5", "6");
        IntStream.range(1, LAST_VERSION).forEach(v -> assertThat(opener().version(MODEL + "/" + v).closed()).isTrue());
    }

    private void send(int sender) {
        AtomicInteger sent = new AtomicInteger();
        while (!stop.get()) {
            int n = sent.incrementAndGet();
            var request = GrpcTestClient.request(MODEL, "", "card-" + sender + "-" + n, TestManifests.rows(1 + n % 4, n));
            Set<String> readyBefore = ready();
            try {
                PredictResponse response = client.predict().predict(request);
                Set<String> readyAfter = ready();
                String version = response.getModel().getVersion();
                answers.add(new Answer(version, readyBefore, readyAfter));
                answersByVersion.computeIfAbsent(version, v -> new LongAdder()).increment();
            } catch (StatusRuntimeException e) {
                failures.add(e.getStatus().toString());
            }
        }
    }

    private void awaitAnswersFrom(String version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> failures.size() > 0
                || answersByVersion.getOrDefault(version, new LongAdder()).sum() >= ANSWERS_PER_VERSION);
    }

    private Set<String> ready() {
        return registry.model(MODEL).map(m -> Set.copyOf(m.ready().keySet())).orElse(Set.of());
    }

    /** Every version the service knows of the model, in whatever state. */
    private Set<String> versions() {
        return registry.model(MODEL).map(ServedModel::statuses).map(Map::keySet).orElse(Set.of());
    }
}
