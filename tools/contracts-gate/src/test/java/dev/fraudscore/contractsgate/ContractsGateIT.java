package dev.fraudscore.contractsgate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contractsgate.ContractsRepo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * contracts/gate.sh on a copy of this checkout's contracts in a throwaway repository: it passes an unchanged
 * copy and fails a seeded breaking change with a message naming it, whichever reference it finds.
 */
class ContractsGateIT {

    private static final String FEATURES = "contracts/src/main/proto/fraudscore/feature/v1/feature_service.proto";
    private static final String PREDICT = "contracts/src/main/proto/fraudscore/predict/v1/predict_service.proto";
    private static final String OPENAPI = "contracts/src/main/resources/openapi/fraud-score.yaml";
    private static final String IP_FIELD = "  string ip = 14;";

    @TempDir
    Path dir;

    @Test
    void anUnchangedCopyPassesAgainstTheReleaseTag() {
        ContractsRepo repo = released();

        Run run = repo.gate();

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("the newest release tag").contains("passed");
    }

    @Test
    void aDeletedFieldFailsAndIsNamed() {
        ContractsRepo repo = released();
        repo.edit(FEATURES, IP_FIELD, "");

        Run run = repo.gate();

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("field \"14\" with name \"ip\" on message \"Transaction\" was deleted")
                .contains("FAILED: buf breaking").contains("fraudscore.<domain>.v2");
    }

    @Test
    void aRenumberedFieldFails() {
        ContractsRepo repo = released();
        repo.edit(FEATURES, IP_FIELD, "  string ip = 17;");

        Run run = repo.gate();

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("field \"14\" with name \"ip\"");
    }

    @Test
    void aNewRequiredRequestPropertyFailsTheOpenApiDiff() {
        ContractsRepo repo = released();
        String required = "required: [transactionId, occurredAt, amount, card, customer, merchant, channel]";
        repo.edit(OPENAPI, required, required.replace("]", ", device]"));

        Run run = repo.gate();

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("fraud-score.yaml BREAKS callers").contains("device")
                .contains("FAILED: openapi-diff");
    }

    @Test
    void beforeAnyTagABranchIsComparedWithItsMergeBaseOnMain() {
        ContractsRepo repo = ContractsRepo.withTheseContracts(dir);
        repo.git("checkout", "-q", "-b", "feature");
        repo.edit(FEATURES, IP_FIELD, IP_FIELD + "\n  string user_agent = 17;");
        repo.commit("a field added: compatible");

        Run added = repo.gate();
        repo.edit(FEATURES, IP_FIELD + "\n", "");
        Run deleted = repo.gate();

        assertThat(added.exit()).as(added.output()).isZero();
        assertThat(added.output()).contains("the merge base with main");
        assertThat(deleted.exit()).as(deleted.output()).isEqualTo(1);
    }

    @Test
    void onMainBeforeAnyTagTheMergeCommitIsComparedWithItsFirstParent() {
        ContractsRepo repo = ContractsRepo.withTheseContracts(dir);
        repo.edit(FEATURES, IP_FIELD, "");
        repo.commit("the ip field deleted");

        Run run = repo.gate();

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("HEAD's first parent").contains("\"ip\"");
    }

    @Test
    void aRenameListedInProtoRenamesPassesAndItsFieldsStayChecked() {
        ContractsRepo repo = released();
        repo.edit(PREDICT, "message Row {", "message FeatureRow {");
        repo.edit(PREDICT, "  repeated Row rows = 2;", "  repeated FeatureRow rows = 2;");
        Run unlisted = repo.gate();

        repo.edit("contracts/proto-renames.txt", "\nfraudscore.predict.v1.ModelMetadata",
                "\nfraudscore.predict.v1.Row fraudscore.predict.v1.FeatureRow\nfraudscore.predict.v1.ModelMetadata");
        Run listed = repo.gate();
        repo.edit(PREDICT, "  repeated float values = 1;", "  repeated double values = 1;");
        Run retyped = repo.gate();

        assertThat(unlisted.exit()).as(unlisted.output()).isEqualTo(1);
        assertThat(unlisted.output()).contains("changed type from \"fraudscore.predict.v1.Row\"");
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(retyped.exit()).as(retyped.output()).isEqualTo(1);
        assertThat(retyped.output()).contains("on message \"FeatureRow\" changed type from \"float\" to \"double\"");
    }

    @Test
    void aLintFindingFails() {
        ContractsRepo repo = released();
        repo.edit(PREDICT, "  VERSION_STATE_UNLOADING = 4;", "  VERSION_STATE_UNLOADING = 4;\n  RETIRED = 5;");

        Run run = repo.gate();

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Enum value name \"RETIRED\" should be prefixed with \"VERSION_STATE_\"")
                .contains("FAILED: buf lint");
    }

    private ContractsRepo released() {
        ContractsRepo repo = ContractsRepo.withTheseContracts(dir);
        repo.git("tag", "v1.0.0");
        return repo;
    }
}
