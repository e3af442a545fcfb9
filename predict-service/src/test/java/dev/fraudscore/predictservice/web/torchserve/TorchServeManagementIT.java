package dev.fraudscore.predictservice.web.torchserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.predictservice.HttpTestClient;
import dev.fraudscore.predictservice.HttpTestClient.Answer;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.StandardRows;
import dev.fraudscore.predictservice.TestFiles;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.TestModelVersions;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TorchServe's management API over real HTTP: each test on models of its own, with real DJL versions. */
class TorchServeManagementIT extends RunningService {

    private final List<Path> outside = new ArrayList<>();
    private HttpTestClient http;

    @BeforeEach
    void http() {
        http = new HttpTestClient(httpPort);
    }

    @AfterEach
    void deleteOutside() {
        outside.forEach(TestFiles::deleteRecursively);
    }

    @Test
    void registerSetDefaultAndUnregisterRoundTrip() throws IOException {
        repository().publish("ts-mlp", "1", 301);
        client.load("ts-mlp", "1");
        Path source = versionOutside("ts-mlp", "2", 302);

        Answer registered = http.post("/models?url=" + encode(source.toString()), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().get("status").asString()).startsWith("Model \"ts-mlp\" version 2 registered");
        assertThat(repository().root().resolve("ts-mlp/2/manifest.json")).exists();
        assertThat(versions(http.get("/models/ts-mlp/all"))).containsExactly("1", "2");
        JsonNode described = http.get("/models/ts-mlp").json().get(0);
        assertThat(described.get("modelVersion").asString()).isEqualTo("2");
        assertThat(described.get("status").asString()).isEqualTo("READY");
        assertThat(described.get("workers").get(0).get("status").asString()).isEqualTo("READY");
        assertThat(scores("ts-mlp")).isEqualTo(StandardRows.predictScores(client, "ts-mlp", "2", rows()));

        Answer setDefault = http.put("/models/ts-mlp/1/set-default");
        assertThat(setDefault.status()).as(setDefault.body()).isEqualTo(200);
        assertThat(Files.readString(repository().root().resolve("ts-mlp/routing.yaml"))).contains("primary: \"1\"");
        assertThat(http.get("/models/ts-mlp").json().get(0).get("modelVersion").asString()).isEqualTo("1");
        assertThat(scores("ts-mlp")).isEqualTo(StandardRows.predictScores(client, "ts-mlp", "1", rows()))
                .isNotEqualTo(StandardRows.predictScores(client, "ts-mlp", "2", rows()));

        Answer again = http.post("/models?url=" + encode(source.toString()), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("ConflictStatusException");
        Answer deleteDefault = http.delete("/models/ts-mlp/1");
        assertThat(deleteDefault.status()).isEqualTo(409);
        assertThat(deleteDefault.json().get("message").asString()).startsWith("version 1 is the default version of ts-mlp");

        Answer unregistered = http.delete("/models/ts-mlp/2");
        assertThat(unregistered.status()).as(unregistered.body()).isEqualTo(200);
        assertThat(unregistered.json().get("status").asString()).startsWith("Model \"ts-mlp\" version 2 unregistered");
        await().atMost(Duration.ofSeconds(10)).until(() -> versions(http.get("/models/ts-mlp/all")).equals(List.of("1")));
        assertThat(repository().root().resolve("ts-mlp/2/manifest.json")).exists();
    }

    @Test
    void aDefaultTheServiceWouldRefusePutsThePreviousRoutingBack() throws IOException {
        repository().publish("ts-canary", "1", 311);
        repository().publish("ts-canary", "2", 312);
        client.load("ts-canary", "1");
        String broken = "primary: \"2\"\ncanary: {version: \"9\", percent: 10}\n";
        repository().writeFile("ts-canary", "routing.yaml", broken);
        client.load("ts-canary", "2");

        Answer refused = http.put("/models/ts-canary/1/set-default");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("message").asString()).startsWith("version 1 of ts-canary cannot be the default: ")
                .contains("names version 9, which is not servable").endsWith("; the previous routing is back");
        assertThat(repository().root().resolve("ts-canary/routing.yaml")).hasContent(broken);
    }

    @Test
    void listsModelsWithTheirDefaultVersionPageByPage() {
        Answer all = http.get("/models");
        Answer first = http.get("/models?limit=1");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().has("nextPageToken")).isFalse();
        List<String> names = new ArrayList<>();
        all.json().get("models").forEach(m -> names.add(m.get("modelName").asString()));
        assertThat(names).contains(DEFAULT_MODEL).isSorted();
        all.json().get("models").forEach(m -> {
            if (m.get("modelName").asString().equals(DEFAULT_MODEL)) {
                assertThat(m.get("modelUrl").asString()).isEqualTo("fraud-mlp/2");
            }
        });
        assertThat(first.json().get("models").size()).isEqualTo(1);
        if (names.size() > 1) {
            assertThat(first.json().get("nextPageToken").asString()).isEqualTo("1");
        }
    }

    @Test
    void describesTheDefaultModelsVersionAsTorchServeDoes() {
        JsonNode version = http.get("/models/" + DEFAULT_MODEL + "/2").json().get(0);

        assertThat(version.get("modelName").asString()).isEqualTo(DEFAULT_MODEL);
        assertThat(version.get("modelUrl").asString()).isEqualTo("fraud-mlp/2");
        assertThat(version.get("runtime").asString()).isEqualTo("djl-mlp");
        assertThat(version.get("minWorkers").asInt()).isEqualTo(1);
        assertThat(version.get("batchSize").asInt()).isEqualTo(32);
        assertThat(version.get("jobQueueStatus").get("remainingCapacity").asInt()).isEqualTo(512);
        assertThat(version.get("workers").get(0).get("id").asString()).isEqualTo("fraud-mlp/2");
    }

    @Test
    void anUnknownModelOrVersionIsNotFound() {
        Answer model = http.get("/models/fraud-gbm");
        Answer version = http.get("/models/" + DEFAULT_MODEL + "/9");
        Answer setDefault = http.put("/models/" + DEFAULT_MODEL + "/9/set-default");
        Answer delete = http.delete("/models/fraud-gbm/1");

        for (Answer answer : List.of(model, version, setDefault, delete)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.json().get("type").asString()).isEqualTo("ModelNotFoundException");
        }
        assertThat(version.json().get("message").asString()).isEqualTo("model fraud-mlp has no version 9; its versions: 2"
                + " (READY)");
    }

    @Test
    void aRegistrationThatCannotBeUsedIsRefusedSayingWhyAndLeavesNothing() throws IOException {
        Path broken = versionOutside("ts-broken", "1", 303);
        Files.writeString(broken.resolve("ts-broken-0000.params"), "not a DJL parameter file");

        Answer noUrl = http.post("/models", null);
        Answer remote = http.post("/models?url=" + encode("https://example.com/fraud.mar"), null);
        Answer relative = http.post("/models?url=models/fraud-mlp/2", null);
        Answer absent = http.post("/models?url=" + encode(broken.resolveSibling("9").toString()), null);
        Answer failing = http.post("/models?url=" + encode(broken.toString()), null);

        assertThat(noUrl.json().get("message").asString()).startsWith("parameter url is required");
        assertThat(remote.json().get("message").asString()).contains("predict-service does not download models");
        assertThat(relative.json().get("message").asString()).contains("is a relative path");
        for (Answer answer : List.of(noUrl, remote, relative, failing)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        }
        assertThat(absent.status()).isEqualTo(404);
        assertThat(failing.json().get("message").asString()).contains("version 1 of ts-broken was copied from")
                .contains("is not a DJL parameter file").endsWith("it was taken out of the repository again");
        assertThat(repository().root().resolve("ts-broken/1")).doesNotExist();
    }

    @Test
    void scalingWorkersChangesNothingAndSaysSo() {
        Answer scaled = http.put("/models/" + DEFAULT_MODEL + "?min_worker=3");

        assertThat(scaled.status()).isEqualTo(200);
        assertThat(scaled.json().get("status").asString()).startsWith("predict-service has no workers to scale");
    }

    private float[] scores(String model) {
        Answer answer = http.post("/predictions/" + model, HttpTestClient.json(rows()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        float[] scores = new float[answer.json().size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) answer.json().get(i).get("fraud_probability").doubleValue();
        }
        return scores;
    }

    private static float[][] rows() {
        return TestManifests.rows(4, 51);
    }

    private static List<String> versions(Answer all) {
        List<String> versions = new ArrayList<>();
        all.json().forEach(v -> versions.add(v.get("modelVersion").asString()));
        return versions;
    }

    /** A real version written outside the repository, as a data scientist's export folder. */
    private Path versionOutside(String model, String version, int seed) {
        Path dir = TestFiles.newDirectory("ts-register");
        outside.add(dir);
        TestModelVersions.write(dir, model, version, seed);
        return dir.resolve(model).resolve(version);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
