package dev.fraudscore.postprocess.grpc;

import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.Decision;
import dev.fraudscore.contracts.postprocess.v1.Label;
import dev.fraudscore.contracts.postprocess.v1.Reason;
import dev.fraudscore.postprocess.domain.DecideInput;
import dev.fraudscore.postprocess.domain.ModelKey;
import dev.fraudscore.postprocess.domain.Unavailability;
import dev.fraudscore.postprocess.domain.Verdict;

/** Between the postprocess.v1 messages and the domain; the domain never sees protobuf. */
final class DecideMapping {

    private DecideMapping() {
    }

    static DecideInput toInput(DecideRequest request) {
        Float score = request.hasScore() ? request.getScore() : null;
        ModelKey model = request.hasModel()
                ? new ModelKey(request.getModel().getName(), request.getModel().getVersion())
                : ModelKey.NONE;
        return new DecideInput(score, unavailability(request), model, request.getFeaturesMap());
    }

    private static Unavailability unavailability(DecideRequest request) {
        return switch (request.getUnavailable()) {
            case FEATURES_UNAVAILABLE -> Unavailability.FEATURES_UNAVAILABLE;
            case MODEL_UNAVAILABLE -> Unavailability.MODEL_UNAVAILABLE;
            // a value added to the enum after this build reads as "no reason given"
            case UNAVAILABLE_UNSPECIFIED, UNRECOGNIZED -> Unavailability.NOT_STATED;
        };
    }

    static DecideResponse toResponse(Verdict verdict) {
        DecideResponse.Builder response = DecideResponse.newBuilder()
                .setLabel(label(verdict.label()))
                .setDecision(decision(verdict.decision()))
                .setPolicyVersion(verdict.policyVersion());
        for (dev.fraudscore.postprocess.domain.Reason reason : verdict.reasons()) {
            response.addReasons(Reason.newBuilder()
                    .setCode(reason.code()).setText(reason.text()).setWeight(reason.weight()));
        }
        return response.build();
    }

    static Label label(dev.fraudscore.postprocess.domain.Label label) {
        return switch (label) {
            case NOT_FRAUD -> Label.NOT_FRAUD;
            case SUSPICIOUS -> Label.SUSPICIOUS;
            case HIGHLY_SUSPICIOUS -> Label.HIGHLY_SUSPICIOUS;
            case UNCERTAIN -> Label.UNCERTAIN;
        };
    }

    static Decision decision(dev.fraudscore.postprocess.domain.Decision decision) {
        return switch (decision) {
            case APPROVE -> Decision.APPROVE;
            case REVIEW -> Decision.REVIEW;
            case DECLINE -> Decision.DECLINE;
        };
    }
}
