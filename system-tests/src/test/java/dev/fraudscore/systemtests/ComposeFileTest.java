package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the compose file is checked against the services themselves: their
 * modules, the ports and health endpoints their application.yaml declare, and the property names
 * their environment variables bind to.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> SERVICES =
            List.of("feature-service", "predict-service", "postprocess-service", "business-api", "gateway");

    private static Map<String, Map<String, Object>> compose;

    @BeforeAll
    static void readCompose() throws IOException {
        compose = map(load(ROOT.resolve("docker-compose.yml")).get("services"));
    }

    @Test
    void runsRedisTheTrainerAndTheFiveServicesFromOneDockerfile() {
        assertThat(compose).containsKeys("redis", "trainer").containsKeys(SERVICES.toArray(String[]::new));
        assertThat(ROOT.resolve("deploy/Dockerfile")).isRegularFile();
        for (String name : SERVICES) {
            Map<String, Object> build = map(compose.get(name).get("build"));
            assertThat(build.get("dockerfile")).isEqualTo("deploy/Dockerfile");
            assertThat(ROOT.resolve((String) map(build.get("args")).get("SERVICE")).resolve("pom.xml")).isRegularFile();
        }
        assertThat(ROOT.resolve((String) map(map(compose.get("trainer").get("build")).get("args")).get("SERVICE"))
                .resolve("pom.xml")).isRegularFile();
    }

    @Test
    void healthchecksProbeThePortsTheServicesListenOn() throws IOException {
        for (String name : SERVICES) {
            Map<String, String> defaults = applicationYaml(name);
            Map<String, String> env = environment(name);
            String portKey = name.equals("gateway") ? "management.server.port" : "server.port";
            String envPort = env.get(name.equals("gateway") ? "MANAGEMENT_SERVER_PORT" : "SERVER_PORT");
            assertThat(envPort).as(name + " port in compose").isEqualTo(defaults.get(portKey));
            List<?> test = (List<?>) map(compose.get(name).get("healthcheck")).get("test");
            assertThat(String.join(" ", test.stream().map(String::valueOf).toList()))
                    .as(name + " healthcheck").contains("http://localhost:" + envPort + "/actuator/health");
            if (env.containsKey("SPRING_GRPC_SERVER_PORT")) {
                assertThat(env.get("SPRING_GRPC_SERVER_PORT")).as(name + " gRPC port")
                        .isEqualTo(defaults.get("spring.grpc.server.port"));
            }
        }
    }

    @Test
    void everyEnvironmentVariableBindsToAPropertyTheServiceDeclares() throws IOException {
        for (String name : SERVICES) {
            Map<String, String> declared = new HashMap<>();
            applicationYaml(name).keySet().forEach(k -> declared.put(relaxed(k), k));
            for (String variable : environment(name).keySet()) {
                if (variable.startsWith("SPRING_DATA_REDIS") && !name.equals("feature-service") && !name.equals("business-api")
                        && !name.equals("gateway")) {
                    continue;
                }
                assertThat(declared).as(name + " declares the property behind " + variable).containsKey(relaxed(variable));
            }
        }
    }

    @Test
    void wiringFollowsTheRealAddressesAndStartOrder() {
        Map<String, String> api = environment("business-api");
        assertThat(api.get("FRAUDSCORE_API_DOWNSTREAM_FEATURES"))
                .isEqualTo("feature-service:" + environment("feature-service").get("SPRING_GRPC_SERVER_PORT"));
        assertThat(api.get("FRAUDSCORE_API_DOWNSTREAM_PREDICT"))
                .isEqualTo("predict-service:" + environment("predict-service").get("SPRING_GRPC_SERVER_PORT"));
        assertThat(api.get("FRAUDSCORE_API_DOWNSTREAM_POSTPROCESS"))
                .isEqualTo("postprocess-service:" + environment("postprocess-service").get("SPRING_GRPC_SERVER_PORT"));
        assertThat(environment("gateway").get("FRAUDSCORE_GATEWAY_UPSTREAM"))
                .isEqualTo("http://business-api:" + api.get("SERVER_PORT"));

        assertThat(condition("business-api", "feature-service")).isEqualTo("service_healthy");
        assertThat(condition("business-api", "predict-service")).isEqualTo("service_healthy");
        assertThat(condition("business-api", "postprocess-service")).isEqualTo("service_healthy");
        assertThat(condition("business-api", "redis")).isEqualTo("service_healthy");
        assertThat(condition("gateway", "business-api")).isEqualTo("service_healthy");
        assertThat(condition("gateway", "redis")).isEqualTo("service_healthy");
        assertThat(environment("gateway").get("SPRING_DATA_REDIS_HOST")).isEqualTo("redis");
        assertThat(condition("feature-service", "redis")).isEqualTo("service_healthy");
        assertThat(condition("predict-service", "trainer")).isEqualTo("service_completed_successfully");
    }

    @Test
    void onlyTheGatewayIsPublished() {
        compose.forEach((name, service) ->
                assertThat(service.containsKey("ports")).as(name + " publishes ports").isEqualTo(name.equals("gateway")));
        assertThat(compose.get("gateway").get("ports")).isEqualTo(List.of("8080:8080"));
    }

    private static String condition(String service, String dependency) {
        return (String) map(map(compose.get(service).get("depends_on")).get(dependency)).get("condition");
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        map(compose.get(service).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    /** The module's application.yaml flattened to dotted keys. */
    private static Map<String, String> applicationYaml(String module) throws IOException {
        Map<String, String> flat = new HashMap<>();
        flatten("", load(ROOT.resolve(module).resolve("src/main/resources/application.yaml")), flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else {
            out.put(prefix, String.valueOf(node));
        }
    }

    /** Spring's relaxed binding: SPRING_GRPC_SERVER_PORT and spring.grpc.server.port are one property. */
    private static String relaxed(String name) {
        return name.toLowerCase().replace("-", "").replace("_", "").replace(".", "");
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object node) {
        return (Map<String, T>) node;
    }
}
