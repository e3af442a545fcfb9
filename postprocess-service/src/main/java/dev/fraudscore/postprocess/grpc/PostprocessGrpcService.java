package dev.fraudscore.postprocess.grpc;

import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import dev.fraudscore.postprocess.domain.Decider;
import io.grpc.stub.StreamObserver;
import org.springframework.grpc.server.service.GrpcService;

/** fraudscore.postprocess.v1.PostprocessService; errors become a status in service-support's {@code GrpcStatusMapping}. */
@GrpcService
public class PostprocessGrpcService extends PostprocessServiceGrpc.PostprocessServiceImplBase {

    private final Decider decider;

    public PostprocessGrpcService(Decider decider) {
        this.decider = decider;
    }

    @Override
    public void decide(DecideRequest request, StreamObserver<DecideResponse> responseObserver) {
        DecideResponse response = DecideMapping.toResponse(decider.decide(DecideMapping.toInput(request)));
        responseObserver.onNext(response);
        responseObserver.onCompleted();
    }
}
