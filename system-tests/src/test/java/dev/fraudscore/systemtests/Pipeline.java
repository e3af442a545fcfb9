package dev.fraudscore.systemtests;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.testsupport.FreePorts;
import dev.fraudscore.testsupport.TestRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for system tests: a Redis, a freshly trained model, and the five services as
 * separate JVMs on free ports. Started once per test JVM and shared; stopped at exit.
 */
final class Pipeline {

    static final String API_KEY = "fsk_dev_local_only";
    /** A second caller, to show that transaction ids are unique per caller. */
    static final String SECOND_API_KEY = "fsk_second_caller_test";
    /** A caller with a rate limit of 1 request a second, bursts of 1, to be refused with 429. */
    static final String THROTTLED_API_KEY = "fsk_throttled_test";
    static final String THROTTLED_CALLER = "throttled";
    private static final String DEV_KEY_SHA256 = "ef0481115c2c5f53b789c46e5fb5f7066b4562fd51a1ad7800361a834ceca30f";
    private static final String SECOND_KEY_SHA256 = "4987004254e45f9cee6bdf20b4048ff26f18ff982c4c9e26fd12b09e081a853e";
    private static final String THROTTLED_KEY_SHA256 = "2d7076e3875093f2a07976160f9cee13d1c6c68951b9cf04ed074e318092c8c8";
    static final String VERSION = "0.1.0-SNAPSHOT";

    private static Pipeline instance;

    final Path root = Path.of("").toAbsolutePath().getParent();
    final Path work = Path.of("target", "system").toAbsolutePath();
    final TestRedis redis = TestRedis.get();
    final String keyPrefix = TestRedis.uniquePrefix();
    final ModelManifest model;
    final int gatewayPort = FreePorts.next();
    final int businessApiPort = FreePorts.next();
    final int featuresGrpcPort = FreePorts.next();
    final int predictGrpcPort = FreePorts.next();
    final int postprocessGrpcPort = FreePorts.next();
    final int gatewayManagementPort = FreePorts.next();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private String embeddedUrl;

    private Pipeline() {
        model = TrainedModel.trainSmall(work.resolve("models"));
        Path logs = work.resolve("logs");
        int featuresHttp = FreePorts.next();
        int predictHttp = FreePorts.next();
        int postprocessHttp = FreePorts.next();
        add(new ServiceProcess("feature-service", jar("feature-service"), List.of(
                "--server.port=" + featuresHttp,
                "--spring.grpc.server.port=" + featuresGrpcPort,
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--fraudscore.features.key-prefix=" + featureKeyPrefix()), featuresHttp, logs));
        add(new ServiceProcess("predict-service", jar("predict-service"), List.of(
                "--server.port=" + predictHttp,
                "--spring.grpc.server.port=" + predictGrpcPort,
                "--fraudscore.predict.model-repository=" + work.resolve("models")), predictHttp, logs));
        add(new ServiceProcess("postprocess-service", jar("postprocess-service"), List.of(
                "--server.port=" + postprocessHttp,
                "--spring.grpc.server.port=" + postprocessGrpcPort), postprocessHttp, logs));
        add(new ServiceProcess("business-api", jar("business-api"), List.of(
                "--server.port=" + businessApiPort,
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--fraudscore.api.idempotency.key-prefix=" + keyPrefix + "api:",
                "--fraudscore.api.downstream.features=127.0.0.1:" + featuresGrpcPort,
                "--fraudscore.api.downstream.predict=127.0.0.1:" + predictGrpcPort,
                "--fraudscore.api.downstream.postprocess=127.0.0.1:" + postprocessGrpcPort), businessApiPort, logs));
        add(new ServiceProcess("gateway", jar("gateway"), List.of(
                "--server.port=" + gatewayPort,
                "--management.server.port=" + gatewayManagementPort,
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--fraudscore.gateway.rate-limit.key-prefix=" + keyPrefix + "gw:",
                "--fraudscore.gateway.upstream=http://127.0.0.1:" + businessApiPort,
                "--fraudscore.gateway.api-keys[0].name=dev", "--fraudscore.gateway.api-keys[0].sha256=" + DEV_KEY_SHA256,
                "--fraudscore.gateway.api-keys[1].name=second", "--fraudscore.gateway.api-keys[1].sha256=" + SECOND_KEY_SHA256,
                "--fraudscore.gateway.api-keys[2].name=" + THROTTLED_CALLER,
                "--fraudscore.gateway.api-keys[2].sha256=" + THROTTLED_KEY_SHA256,
                "--fraudscore.gateway.api-keys[2].rate-limit.replenish-rate=1",
                "--fraudscore.gateway.api-keys[2].rate-limit.burst-capacity=1"),
                gatewayManagementPort, logs));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(s -> s.awaitHealthy(Duration.ofSeconds(180)));
    }

    static synchronized Pipeline get() {
        if (instance == null) {
            instance = new Pipeline();
        }
        return instance;
    }

    String featureKeyPrefix() {
        return keyPrefix + "fs:";
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** The gateway's actuator: health and {@code /actuator/prometheus}. */
    String gatewayManagementUrl() {
        return "http://127.0.0.1:" + gatewayManagementPort;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Starts a service a test stopped, and waits until it is healthy again. */
    void restart(String name) {
        ServiceProcess service = services.get(name);
        if (!service.alive()) {
            service.start();
            service.awaitHealthy(Duration.ofSeconds(180));
        }
    }

    Path models() {
        return work.resolve("models");
    }

    /**
     * The embedded deployment beside the decomposed one, started on first use: the same model repository, Redis
     * and API keys, its own key prefixes, so both see the same histories when sent the same transactions.
     */
    synchronized String embeddedUrl() {
        if (embeddedUrl == null) {
            int port = FreePorts.next();
            int management = FreePorts.next();
            ServiceProcess embedded = new ServiceProcess("embedded", jar("embedded"), List.of(
                    "--server.port=" + port,
                    "--management.server.port=" + management,
                    "--spring.data.redis.host=" + redis.host(),
                    "--spring.data.redis.port=" + redis.port(),
                    "--fraudscore.features.key-prefix=" + keyPrefix + "emb:fs:",
                    "--fraudscore.api.idempotency.key-prefix=" + keyPrefix + "emb:api:",
                    "--fraudscore.predict.model-repository=" + models(),
                    "--fraudscore.gateway.api-keys[0].name=dev", "--fraudscore.gateway.api-keys[0].sha256=" + DEV_KEY_SHA256,
                    "--fraudscore.gateway.api-keys[1].name=second", "--fraudscore.gateway.api-keys[1].sha256=" + SECOND_KEY_SHA256),
                    management, work.resolve("logs"));
            add(embedded);
            embedded.start();
            embedded.awaitHealthy(Duration.ofSeconds(180));
            embeddedUrl = "http://127.0.0.1:" + port;
        }
        return embeddedUrl;
    }

    private void add(ServiceProcess process) {
        services.put(process.name(), process);
    }

    private Path jar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    private void stopAll() {
        List<ServiceProcess> started = List.copyOf(services.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
