package dev.fraudscore.businessapi.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.domain.Reason;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of an answer, as the OpenAPI document shows it: members in that order, unknown ones left out.
 * The shape lives here, as Jackson mix-ins, so the domain records carry no JSON annotations.
 */
public final class AnswerJson {

    private final JsonMapper json;

    public AnswerJson(JsonMapper json) {
        this.json = json.rebuild()
                .addMixIn(FraudScore.class, FraudScoreShape.class)
                .addMixIn(Reason.class, ReasonShape.class)
                .addMixIn(ModelId.class, ModelShape.class)
                .build();
    }

    public String write(FraudScore answer) {
        return json.writeValueAsString(answer);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"transactionId", "decision", "label", "score", "reasons", "model", "featureSet", "policyVersion",
            "degraded"})
    private interface FraudScoreShape {
    }

    @JsonPropertyOrder({"code", "text", "weight"})
    private interface ReasonShape {
    }

    @JsonPropertyOrder({"name", "version"})
    private interface ModelShape {
    }
}
