package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.predictservice.domain.PredictionException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * The one mapping from exceptions to gRPC status for every endpoint of this service. Callers get a
 * sentence; an unexpected failure is logged with its stack trace here and never sent.
 */
@Component
public class GrpcErrorMapping implements GrpcExceptionHandler {

    static final String INTERNAL_SENTENCE = "predict-service failed to handle the request because of an internal "
            + "error; it is logged on the service";

    private static final Logger log = LoggerFactory.getLogger(GrpcErrorMapping.class);

    @Override
    public StatusException handleException(Throwable exception) {
        return toStatus(exception).asException();
    }

    static Status toStatus(Throwable exception) {
        if (exception instanceof PredictionException refused) {
            Status status = switch (refused.kind()) {
                case MODEL_UNAVAILABLE -> Status.UNAVAILABLE;
                case FEATURE_SET_MISMATCH -> Status.FAILED_PRECONDITION;
                case INVALID_REQUEST -> Status.INVALID_ARGUMENT;
            };
            return status.withDescription(refused.getMessage());
        }
        if (exception instanceof StatusRuntimeException statusException) {
            return statusException.getStatus();
        }
        if (exception instanceof StatusException statusException) {
            return statusException.getStatus();
        }
        log.error("a gRPC call failed unexpectedly", exception);
        return Status.INTERNAL.withDescription(INTERNAL_SENTENCE);
    }
}
