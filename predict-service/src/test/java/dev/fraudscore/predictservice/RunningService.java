package dev.fraudscore.predictservice;

import static org.awaitility.Awaitility.await;

import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.model.ModelOpener;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * One predict-service, real gRPC (Netty, port 0), real HTTP and real DJL, shared by the integration tests that
 * extend this class (same configuration, so Spring starts it once). Its repository starts with the default
 * model fraud-mlp (versions 1 and 2); each test class adds models of its own name and loads them with
 * LoadModel, so the classes do not disturb each other. The poller runs every 200 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "fraudscore.predict.poll-period=200ms",
        "fraudscore.predict.max-rows-per-request=64",
        "fraudscore.predict.warmup.batch-sizes=1,64",
        "fraudscore.predict.warmup.rounds=1"})
public abstract class RunningService {

    protected static final String DEFAULT_MODEL = "fraud-mlp";
    private static TestRepository repository;

    /** DJL behind gates the tests can close (a {@link TestOpener}; the field has the type of the bean it replaces). */
    @TestBean(name = "modelOpener", methodName = "dev.fraudscore.predictservice.RunningService#djlOpener")
    ModelOpener modelOpener;

    @Autowired
    protected ModelRegistry registry;

    @LocalGrpcPort
    protected int grpcPort;

    @LocalServerPort
    protected int httpPort;

    protected GrpcTestClient client;

    static ModelOpener djlOpener() {
        return TestOpener.djl();
    }

    protected TestOpener opener() {
        return (TestOpener) modelOpener;
    }

    @DynamicPropertySource
    static void modelRepository(DynamicPropertyRegistry properties) {
        properties.add("fraudscore.predict.model-repository", () -> repository().root().toString());
    }

    protected static synchronized TestRepository repository() {
        if (repository == null) {
            repository = TestRepository.create("predict-service-it");
            repository.publish(DEFAULT_MODEL, "1", 11);
            repository.publish(DEFAULT_MODEL, "2", 22);
            // the JVM outlives every test class that shares the service, and the service reads it till the end
            Runtime.getRuntime().addShutdownHook(new Thread(repository::deleteAll));
        }
        return repository;
    }

    /** Connects once the default model serves (the service loads it while the first test class starts). */
    @BeforeEach
    void connect() {
        client = new GrpcTestClient(grpcPort, httpPort);
        await().atMost(Duration.ofSeconds(60)).until(() -> client.health("") == ServingStatus.SERVING);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        client.close();
    }
}
