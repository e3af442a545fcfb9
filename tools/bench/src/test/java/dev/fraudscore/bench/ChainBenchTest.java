package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChainBenchTest {

    private static ChainBench parse(String... args) {
        ChainBench bench = new ChainBench();
        new CommandLine(bench).parseArgs(args);
        return bench;
    }

    @Test
    void hasTheDefaultsOfTheIssue() {
        ChainBench bench = parse();

        assertThat(bench.rate).isEqualTo(200);
        assertThat(bench.duration).isEqualTo(Duration.ofSeconds(30));
        assertThat(bench.warmup).isEqualTo(Duration.ofSeconds(15));
        assertThat(bench.cards).isEqualTo(2_000);
        assertThat(bench.mode).isNull();
        assertThat(bench.url).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void readsRatesDurationsAndASweep() {
        ChainBench bench = parse("--rate", "500", "--duration", "2m", "--warmup", "500ms", "--cards", "10",
                "--mode", "embedded", "--sweep", "100,300,1500");

        assertThat(bench.rate).isEqualTo(500);
        assertThat(bench.duration).isEqualTo(Duration.ofMinutes(2));
        assertThat(bench.warmup).isEqualTo(Duration.ofMillis(500));
        assertThat(bench.sweep).containsExactly(100.0, 300.0, 1500.0);
        bench.validate();
    }

    @Test
    void refusesOptionsThatDoNotGoTogetherOrMeanNothing() {
        assertThatThrownBy(() -> parse("--hop", "feature", "--front", "nginx").validate())
                .hasMessageContaining("one at a time");
        assertThatThrownBy(() -> parse("--hop", "redis").validate()).hasMessageContaining("feature, predict or postprocess");
        assertThatThrownBy(() -> parse("--mode", "mixed").validate()).hasMessageContaining("decomposed or embedded");
        assertThatThrownBy(() -> parse("--front", "haproxy").validate()).hasMessageContaining("nginx");
        assertThatThrownBy(() -> parse("--rate", "0").validate()).hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> parse("--duration", "soon")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("not a duration");
    }

    @Test
    void explainsEveryOptionInItsHelp() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new ChainBench());
        cli.usage(new PrintWriter(help));

        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            assertThat(option.description()).as(option.longestName()).isNotEmpty();
        }
        assertThat(help.toString()).contains("--rate", "--sweep", "--hop", "--front", "open loop");
    }

    @Test
    void fillsEveryPlaceholderOfTheNginxTemplate() throws Exception {
        String template = java.nio.file.Files.readString(java.nio.file.Path.of("nginx", "front.conf.template"));
        Map<String, String> values = Map.of("WORKERS", "auto", "PREFIX", "/tmp/x", "UPSTREAM", "127.0.0.1:8090",
                "API_KEY", "k", "CALLER", "dev", "PORT", "18080");

        String config = NginxFront.render(template, values);

        assertThat(config).contains("listen 127.0.0.1:18080;", "server 127.0.0.1:8090;", "\"k\" \"dev\";",
                "proxy_set_header X-Caller $caller;", "proxy_set_header X-Request-Id $request_id;");
        assertThatThrownBy(() -> NginxFront.render(template, Map.of("PORT", "1")))
                .hasMessageContaining("which nothing fills");
    }
}
