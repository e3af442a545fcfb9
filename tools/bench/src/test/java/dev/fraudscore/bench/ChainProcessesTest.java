package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainProcessesTest {

    @TempDir
    Path pids;

    @Test
    void readsTheLivePidsTheScriptWroteInChainOrder() throws Exception {
        long self = ProcessHandle.current().pid();
        Files.writeString(pids.resolve("predict-service.pid"), self + "\n");
        Files.writeString(pids.resolve("gateway.pid"), Long.toString(self));
        Files.writeString(pids.resolve("business-api.pid"), "999999999"); // not running
        Files.writeString(pids.resolve("redis.pid"), Long.toString(self));

        Map<String, Long> found = ChainProcesses.discover(pids, "127.0.0.1", 1);

        assertThat(found).containsExactly(Map.entry("gateway", self), Map.entry("predict-service", self),
                Map.entry("redis", self));
        assertThat(ChainProcesses.runningMode(found)).isEqualTo("decomposed");
        assertThat(ChainProcesses.runningMode(Map.of("embedded", self, "redis", self))).isEqualTo("embedded");
        assertThat(ChainProcesses.runningMode(Map.of("redis", self))).isEmpty();
    }

    @Test
    void findsRedisPidInItsInfoReply() {
        String info = "$120\r\n# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\nprocess_id:4321\r\n"
                + "tcp_port:6379\r\n";

        assertThat(ChainProcesses.parseProcessId(info)).hasValue(4321);
        assertThat(ChainProcesses.parseProcessId("-NOAUTH Authentication required.\r\n")).isEmpty();
    }

    @Test
    void ignoresAPidFileThatIsNotAPid() throws Exception {
        Files.writeString(pids.resolve("gateway.pid"), "not a pid");

        assertThat(ChainProcesses.readPid(pids.resolve("gateway.pid"))).isEmpty();
        assertThat(ChainProcesses.readPid(pids.resolve("missing.pid"))).isEmpty();
    }
}
