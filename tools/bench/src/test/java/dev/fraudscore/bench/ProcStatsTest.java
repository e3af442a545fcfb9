package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void readsVmRssInKibFromTheStatusText() {
        String status = "Name:\tjava\nState:\tS (sleeping)\nVmPeak:\t 4021212 kB\nVmRSS:\t  361244 kB\nRssAnon:\t  200000 kB\n";

        assertThat(ProcStats.parseVmRssKiB(status)).isEqualTo(361_244);
    }

    @Test
    void refusesAStatusWithoutVmRss() {
        assertThatThrownBy(() -> ProcStats.parseVmRssKiB("Name:\tkworker\nState:\tI (idle)\n"))
                .hasMessageContaining("no VmRSS line");
    }

    @Test
    void addsUserAndSystemTicksCountingFieldsAfterTheCommandName() {
        // a command name with a space and a parenthesis, as a thread name may have
        String stat = "4242 (batcher fraud) m) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 40 0 100 0";

        assertThat(ProcStats.parseCpuTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void countsEveryBusyStateOfTheMachineButIdleAndIoWait() {
        String stat = "cpu  100 2 30 5000 40 6 7 8 0 0\ncpu0 50 1 15 2500 20 3 3 4 0 0\n";

        assertThat(ProcStats.parseBusyTicks(stat)).isEqualTo(100 + 2 + 30 + 6 + 7 + 8);
    }

    @Test
    void readsItsOwnProcessFromProc() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcStats.rssKiB(pid)).isPositive();
        assertThat(ProcStats.cpuTime(pid)).isPositive();
    }
}
