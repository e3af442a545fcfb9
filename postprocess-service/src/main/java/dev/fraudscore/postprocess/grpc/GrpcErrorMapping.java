package dev.fraudscore.postprocess.grpc;

import dev.fraudscore.postprocess.domain.InvalidDecideRequestException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become gRPC statuses. Callers get a sentence, never a stack trace:
 * the status carries no cause, and unexpected failures are logged here with their stack trace instead.
 */
@Component
public class GrpcErrorMapping implements GrpcExceptionHandler {

    static final String INTERNAL_ERROR = "The postprocess service could not decide because of an internal error; "
            + "its log has the details.";
    private static final Logger log = LoggerFactory.getLogger(GrpcErrorMapping.class);

    @Override
    public StatusException handleException(Throwable exception) {
        if (exception instanceof InvalidDecideRequestException) {
            return Status.INVALID_ARGUMENT.withDescription(exception.getMessage()).asException();
        }
        if (exception instanceof StatusRuntimeException e) {
            return withoutCause(e.getStatus());
        }
        if (exception instanceof StatusException e) {
            return withoutCause(e.getStatus());
        }
        log.error("Decide failed unexpectedly", exception);
        return Status.INTERNAL.withDescription(INTERNAL_ERROR).asException();
    }

    private static StatusException withoutCause(Status status) {
        return Status.fromCode(status.getCode()).withDescription(status.getDescription()).asException();
    }
}
