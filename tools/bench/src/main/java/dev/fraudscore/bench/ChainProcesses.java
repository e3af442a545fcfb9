package dev.fraudscore.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The processes of the running system whose CPU a benchmark attributes, by name, as {@code ./fraudscore up}
 * records them: {@code .run/pids/<service>.pid}, and {@code redis.pid} when it started Redis itself; a Redis it
 * found already answering tells its own pid ({@code INFO server}, {@code process_id}).
 */
final class ChainProcesses {

    /** In the order of the chain; {@code embedded} stands for all five in one JVM. */
    static final List<String> SERVICES = List.of("gateway", "business-api", "feature-service", "predict-service",
            "postprocess-service", "embedded");

    private ChainProcesses() {
    }

    /** Each service whose pid file names a live process, then Redis when its pid is known. */
    static Map<String, Long> discover(Path pidDir, String redisHost, int redisPort) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : SERVICES) {
            readPid(pidDir.resolve(service + ".pid")).stream().filter(ChainProcesses::alive)
                    .forEach(pid -> pids.put(service, pid));
        }
        OptionalLong redis = readPid(pidDir.resolve("redis.pid"));
        if (redis.isEmpty()) {
            redis = redisProcessId(redisHost, redisPort);
        }
        redis.stream().filter(ChainProcesses::alive).findFirst().ifPresent(pid -> pids.put("redis", pid));
        return pids;
    }

    /** The deployment the pids say runs: "embedded", "decomposed", or empty when neither does. */
    static String runningMode(Map<String, Long> pids) {
        if (pids.containsKey("embedded")) {
            return "embedded";
        }
        return pids.containsKey("gateway") || pids.containsKey("business-api") ? "decomposed" : "";
    }

    static OptionalLong readPid(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.matches("[0-9]{1,10}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException missing) {
            return OptionalLong.empty();
        }
    }

    /** Redis's pid from {@code INFO server} over its own protocol, when it answers and runs on this host. */
    static OptionalLong redisProcessId(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("INFO server\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16_384];
            StringBuilder reply = new StringBuilder();
            for (int read; !reply.toString().contains("process_id:") || !reply.toString().endsWith("\r\n");) {
                read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                reply.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
            return parseProcessId(reply.toString());
        } catch (IOException noRedis) {
            return OptionalLong.empty();
        }
    }

    /** The {@code process_id:1234} line of an {@code INFO} reply. */
    static OptionalLong parseProcessId(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("process_id:")) {
                return OptionalLong.of(Long.parseLong(line.substring("process_id:".length()).trim()));
            }
        }
        return OptionalLong.empty();
    }

    private static boolean alive(long pid) {
        return Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"));
    }
}
