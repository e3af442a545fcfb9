package dev.fraudscore.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway and nginx in front of the same business-api, measured alternately at the same rate in one run, so
 * that the noise of the host spreads over both; for each, the CPU per request of the front process itself (the
 * gateway's JVM; nginx's master and workers).
 */
final class FrontComparison {

    /**
     * @param runs                   every measured window, in the order run ("gateway", "nginx", ...)
     * @param frontCpuMsPerRequest   per front, its own CPU per request in each of its windows
     */
    record FrontResult(List<ChainResult> runs, Map<String, List<Double>> frontCpuMsPerRequest) {
    }

    private final ChainBench options;
    private final ChainMeasurement gatewayMeasurement;
    private final Map<String, Long> pids;

    FrontComparison(ChainBench options, ChainMeasurement measurement, Map<String, Long> pids) {
        this.options = options;
        this.gatewayMeasurement = measurement;
        this.pids = pids;
    }

    void run() {
        try (NginxFront nginx = NginxFront.start(options.nginx, options.nginxTemplate, options.businessApi,
                options.apiKey, options.caller, options.out)) {
            Map<String, Long> withNginx = new LinkedHashMap<>(pids);
            withNginx.put("nginx", nginx.pid());
            ChainMeasurement nginxMeasurement = new ChainMeasurement(withNginx, options.drainWithin());
            System.out.println("nginx: pid " + nginx.pid() + " at " + nginx.baseUrl() + " -> " + options.businessApi);
            List<ChainResult> runs = new ArrayList<>();
            Map<String, List<Double>> frontCpu = new LinkedHashMap<>();
            for (int round = 1; round <= options.rounds; round++) {
                runs.add(options.measurePublic(gatewayMeasurement, "gateway", options.url, options.rate));
                runs.add(options.measurePublic(nginxMeasurement, "nginx", nginx.baseUrl(), options.rate));
            }
            runs.forEach(r -> frontCpu.computeIfAbsent(r.mode(), f -> new ArrayList<>())
                    .add(r.cpuMsPerRequest().getOrDefault(r.mode(), Double.NaN)));
            options.print(runs, options.out.resolve("front.json"), new FrontResult(runs, frontCpu));
            System.out.println("front CPU ms/request: " + frontCpu);
        }
    }
}
