package dev.fraudscore.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The one place tests get a Redis from: {@code REDIS_URL} if set, else a Testcontainers Redis if a
 * Docker engine answers, else a {@code redis-server} from the PATH started on a free port. One per JVM,
 * stopped at exit. Tests share it, so each uses its own key prefix ({@link #uniquePrefix}).
 */
public final class TestRedis {

    private static TestRedis instance;

    private final String host;
    private final int port;

    private TestRedis(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static synchronized TestRedis get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://" + host + ":" + port;
    }

    /** A key prefix no other test uses, e.g. {@code t-3f2a9c1e:}. */
    public static String uniquePrefix() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /**
     * A key prefix as long as a production one ({@code "api:"} gives e.g. {@code "q7x:"}), for tests that measure
     * key sizes: Redis rounds a key up to its allocator's size classes, so its length matters.
     */
    public static String uniquePrefixLike(String production) {
        if (production.length() < 3 || !production.endsWith(":")) {
            throw new IllegalArgumentException("A prefix to imitate must end with ':' after two characters or more; '"
                    + production + "' does not.");
        }
        return UUID.randomUUID().toString().replace("-", "").substring(0, production.length() - 1) + ":";
    }

    private static TestRedis start() {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url);
            return new TestRedis(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379);
        }
        if (dockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7.2-alpine").withExposedPorts(6379);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestRedis(container.getHost(), container.getMappedPort(6379));
        }
        return startLocalServer();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * A {@code redis-server} from the PATH of its own, on a free port, stopped at exit: for a test that stalls or
     * breaks its Redis, which no other test may share.
     */
    public static TestRedis privateServer() {
        return startLocalServer();
    }

    /** As {@link #privateServer()}, on a port chosen before: for a test that starts its Redis after its service. */
    public static TestRedis privateServerOn(int port) {
        return startLocalServer(port);
    }

    private static TestRedis startLocalServer() {
        return startLocalServer(FreePorts.next());
    }

    private static TestRedis startLocalServer(int port) {
        try {
            Path dir = Files.createTempDirectory("test-redis");
            Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            awaitListening(port, process);
            return new TestRedis("127.0.0.1", port);
        } catch (IOException e) {
            throw new IllegalStateException("Tests need a Redis and none could be found: set REDIS_URL=redis://host:port, "
                    + "start a Docker engine, or install redis-server (Debian: apt-get install -y redis-server). "
                    + "Starting redis-server failed: " + e.getMessage(), e);
        }
    }

    private static void awaitListening(int port, Process process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with code " + process.exitValue()
                        + " before listening on port " + port);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        }
        process.destroy();
        throw new UncheckedIOException(new IOException("redis-server did not listen on port " + port + " within 15 s"));
    }
}
