package dev.fraudscore.contractsgate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contractsgate.OpenApiCompatibility.Kind;
import dev.fraudscore.contractsgate.OpenApiCompatibility.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public document of this checkout against seeded changes of itself. */
class OpenApiCompatibilityTest {

    static final Path DOCUMENT = Path.of("../../contracts/src/main/resources/openapi/fraud-score.yaml");
    private static final String REQUIRED = "required: [transactionId, occurredAt, amount, card, customer, merchant, channel]";
    private static final String POLICY_VERSION = "        policyVersion: { type: string }\n";
    private static final String ANSWER_REQUIRED = "required: [transactionId, decision, label, reasons, degraded]";
    private static final String DEGRADED = "        degraded: { type: boolean, description: true when a part was skipped; the reason is among reasons }\n";

    private final String document = read();

    @Test
    void theSameDocumentIsUnchanged() {
        assertThat(OpenApiCompatibility.compare(document, document).kind()).isEqualTo(Kind.UNCHANGED);
    }

    @Test
    void anOptionalPropertyInTheAnswerIsCompatible() {
        String added = seed(POLICY_VERSION, POLICY_VERSION + "        decidedAt: { type: string, format: date-time }\n");

        assertThat(OpenApiCompatibility.compare(document, added).kind()).isEqualTo(Kind.COMPATIBLE);
    }

    @Test
    void aNewRequiredRequestPropertyBreaksCallers() {
        Verdict verdict = OpenApiCompatibility.compare(document, seed(REQUIRED, REQUIRED.replace("]", ", device]")));

        assertThat(verdict.kind()).isEqualTo(Kind.BREAKING);
        assertThat(verdict.report()).contains("device");
    }

    @Test
    void aRemovedRequiredAnswerPropertyBreaksCallers() {
        Verdict verdict = OpenApiCompatibility.compare(document, withoutDegraded());

        assertThat(verdict.kind()).isEqualTo(Kind.BREAKING);
        assertThat(verdict.report()).contains("degraded");
    }

    @Test
    void aChannelNoLongerAcceptedBreaksCallers() {
        Verdict verdict = OpenApiCompatibility.compare(document, seed("enum: [ECOMMERCE, POS, ATM, MOTO]", "enum: [ECOMMERCE, POS, ATM]"));

        assertThat(verdict.kind()).isEqualTo(Kind.BREAKING);
        assertThat(verdict.report()).contains("MOTO");
    }

    @Test
    void theCommandExitsOneAndNamesTheChangeOnABreakingDocument(@TempDir Path dir) throws IOException {
        Path reference = Files.writeString(dir.resolve("reference.yaml"), document);
        Path current = Files.writeString(dir.resolve("fraud-score.yaml"), withoutDegraded());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = OpenApiGateCommand.run(new String[] {reference.toString(), current.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("fraud-score.yaml BREAKS callers").contains("degraded");
        assertThat(OpenApiGateCommand.run(new String[] {reference.toString(), reference.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
    }

    @Test
    void theCommandExitsTwoWhenADocumentIsMissing(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = OpenApiGateCommand.run(new String[] {dir.resolve("gone.yaml").toString(), DOCUMENT.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("gone.yaml");
    }

    private String withoutDegraded() {
        return replace(seed(ANSWER_REQUIRED, ANSWER_REQUIRED.replace(", degraded]", "]")), DEGRADED, "");
    }

    private String seed(String from, String to) {
        return replace(document, from, to);
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).as("the seed's anchor in %s", DOCUMENT).contains(from);
        return text.replace(from, to);
    }

    private static String read() {
        try {
            return Files.readString(DOCUMENT);
        } catch (IOException e) {
            throw new IllegalStateException("The test reads the public document at " + DOCUMENT.toAbsolutePath(), e);
        }
    }
}
