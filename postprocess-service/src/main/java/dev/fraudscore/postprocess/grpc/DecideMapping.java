package dev.fraudscore.postprocess.grpc;

import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.postprocess.domain.DecideInput;
import dev.fraudscore.postprocess.domain.ModelKey;
import dev.fraudscore.postprocess.domain.Verdict;
import dev.fraudscore.support.proto.DomainProtos;

/** Between the postprocess.v1 messages and the domain; the domain never sees protobuf. */
final class DecideMapping {

    private DecideMapping() {
    }

    static DecideInput toInput(DecideRequest request) {
        Float score = request.hasScore() ? request.getScore() : null;
        ModelKey model = request.hasModel()
                ? new ModelKey(request.getModel().getName(), request.getModel().getVersion())
                : ModelKey.NONE;
        // thresholds that are not valid bands are ignored, as if the model had suggested none
        Thresholds suggested = DomainProtos.thresholds(request.hasModelThresholds(), request.getModelThresholds())
                .orElse(null);
        return new DecideInput(score, unavailable(request), model, request.getFeaturesMap(), suggested);
    }

    private static ReasonCode unavailable(DecideRequest request) {
        // the zero value, or a value added to the enum after this build, reads as "no reason given"
        return DomainProtos.unavailable(request.getUnavailable()).orElse(ReasonCode.SCORE_MISSING);
    }

    static DecideResponse toResponse(Verdict verdict) {
        DecideResponse.Builder response = DecideResponse.newBuilder()
                .setLabel(DomainProtos.toProto(verdict.label()))
                .setDecision(DomainProtos.toProto(verdict.decision()))
                .setPolicyVersion(verdict.policyVersion());
        for (Reason reason : verdict.reasons()) {
            response.addReasons(dev.fraudscore.contracts.postprocess.v1.Reason.newBuilder()
                    .setCode(reason.code()).setText(reason.text()).setWeight((float) reason.weight()));
        }
        return response.build();
    }
}
