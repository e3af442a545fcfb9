package dev.fraudscore.businessapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.web.AnswerJson;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AnswerSkeletonTest {

    private static final AnswerJson JSON = new AnswerJson(JsonMapper.builder().build());

    @Test
    void cutsOutTheIdAndTheNumbersOfScoreAndReasonsAndJoinsBackTheSameText() {
        String json = JSON.write(Answers.declinedWithRules("tx-42"));

        AnswerSkeleton skeleton = AnswerSkeleton.split(json, "tx-42").orElseThrow();

        assertThat(skeleton.text()).doesNotContain("tx-42").doesNotContain("0.91").contains("\"transactionId\":\"\u0002\"")
                .contains("\"version\":\"1\"").contains("\"featureSet\":\"fraud_v1\"").contains("2026-12-02.1");
        assertThat(skeleton.holes()).containsExactly("0.91", "0.91", "0.85", "0.91", "7", "0.6", "5.23", "24", "0.5");
        assertThat(skeleton.join("tx-42")).isEqualTo(json);
    }

    @Test
    void answersThatDifferOnlyInIdAndNumbersShareASkeleton() {
        String one = JSON.write(Answers.declinedWithRules("tx-1"));
        String other = JSON.write(Answers.declinedWithRules("tx-2")).replace("0.91", "0.97").replace("made 7", "made 11");

        assertThat(AnswerSkeleton.split(other, "tx-2").orElseThrow().text())
                .isEqualTo(AnswerSkeleton.split(one, "tx-1").orElseThrow().text());
    }

    @Test
    void joinsBackEveryKindOfAnswerExactly() {
        RealisticAnswers answers = new RealisticAnswers(new Random(11));
        for (FraudScore answer : List.of(Answers.declinedWithRules("a"), Answers.degraded("b"), Answers.postprocessDown("c"),
                Answers.approvedWithoutReasons("d"))) {
            assertJoinsBack(JSON.write(answer), answer.transactionId());
        }
        for (int i = 0; i < 2_000; i++) {
            FraudScore answer = answers.next("tx-" + i);
            assertJoinsBack(JSON.write(answer), answer.transactionId());
        }
    }

    @Test
    void anIdThatLooksLikeAMemberNameOrANumberStillJoinsBackExactly() {
        for (String id : List.of("transactionId", "1", "0.5", "fraud_v1", "-")) {
            assertJoinsBack(JSON.write(Answers.declinedWithRules(id)), id);
        }
    }

    @Test
    void textThatAlreadyHoldsAMarkOrLacksTheIdHasNoSkeleton() {
        assertThat(AnswerSkeleton.split("{\"transactionId\":\"tx-1\",\"x\":\"\u0001\"}", "tx-1")).isEmpty();
        assertThat(AnswerSkeleton.split("{\"transactionId\":\"tx-1\"}", "tx-2")).isEmpty();
    }

    @Test
    void refusesNumbersThatDoNotFitTheSkeleton() {
        assertThatThrownBy(() -> new AnswerSkeleton("{\"score\":\u0001}", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The skeleton has 1 holes but 0 numbers were given.");
    }

    private static void assertJoinsBack(String json, String id) {
        assertThat(AnswerSkeleton.split(json, id).orElseThrow().join(id)).as(json).isEqualTo(json);
    }
}
