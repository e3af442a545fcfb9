package dev.fraudscore.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Open-loop results as text tables: latency and counts, then CPU per request by process. */
final class ChainReport {

    private ChainReport() {
    }

    static String table(List<ChainResult> results) {
        TextTable latency = new TextTable("mode", "offered/s", "achieved/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "requests", "errors", "degraded", "CPU ms/req", "sender late ms", "other cores", "load avg before");
        for (ChainResult r : results) {
            latency.row(r.mode(), Numbers.f0(r.targetRate()), Numbers.f1(r.achievedRate()), Numbers.f2(r.latencyMs().p50()),
                    Numbers.f2(r.latencyMs().p99()), Numbers.f2(r.latencyMs().p999()), Numbers.f2(r.latencyMs().max()),
                    r.requests(), r.errors(), r.degraded(),
                    Numbers.f2(r.cpuMsPerRequest().getOrDefault(CpuAttribution.TOTAL, 0.0)), Numbers.f1(r.senderLateMaxMs()),
                    Numbers.f2(r.otherCores()), r.loadAverageBefore());
        }
        Set<String> processes = new LinkedHashSet<>();
        results.forEach(r -> processes.addAll(r.cpuMsPerRequest().keySet()));
        // the sum last, after processes that only some windows have (nginx)
        processes.remove(CpuAttribution.TOTAL);
        processes.add(CpuAttribution.TOTAL);
        List<String> columns = List.copyOf(processes);
        String[] headers = new String[columns.size() + 2];
        headers[0] = "CPU ms/request:";
        headers[1] = "offered/s";
        for (int c = 0; c < columns.size(); c++) {
            headers[c + 2] = columns.get(c);
        }
        TextTable cpu = new TextTable(headers);
        for (ChainResult r : results) {
            Object[] cells = new Object[headers.length];
            cells[0] = r.mode();
            cells[1] = Numbers.f0(r.targetRate());
            for (int c = 0; c < columns.size(); c++) {
                Double millis = r.cpuMsPerRequest().get(columns.get(c));
                cells[c + 2] = millis == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f", millis);
            }
            cpu.row(cells);
        }
        StringBuilder errors = new StringBuilder();
        results.stream().filter(r -> !r.errorKinds().isEmpty()).forEach(r -> errors.append("errors of ").append(r.mode())
                .append(" at ").append(Numbers.f0(r.targetRate())).append("/s: ").append(r.errorKinds())
                .append(System.lineSeparator()));
        return latency.render() + System.lineSeparator() + cpu.render() + errors;
    }
}
