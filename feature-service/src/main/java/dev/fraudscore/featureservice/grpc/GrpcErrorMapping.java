package dev.fraudscore.featureservice.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.fraudscore.featureservice.domain.FeatureStoreUnavailableException;
import dev.fraudscore.featureservice.domain.FingerprintMismatchException;
import dev.fraudscore.featureservice.domain.InvalidRequestException;
import dev.fraudscore.featureservice.domain.UnknownFeatureSetException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become gRPC statuses. Callers get a sentence; stack traces stay in
 * this service's log.
 */
@Component
public class GrpcErrorMapping implements GrpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GrpcErrorMapping.class);

    @Override
    public StatusException handleException(Throwable exception) {
        if (exception instanceof InvalidRequestException invalid) {
            return invalidArgument(invalid);
        }
        if (exception instanceof UnknownFeatureSetException) {
            return Status.NOT_FOUND.withDescription(exception.getMessage()).asException();
        }
        if (exception instanceof FingerprintMismatchException) {
            return Status.FAILED_PRECONDITION.withDescription(exception.getMessage()).asException();
        }
        if (exception instanceof FeatureStoreUnavailableException) {
            log.warn("{}: {}", exception.getMessage(), String.valueOf(exception.getCause()));
            return Status.UNAVAILABLE.withDescription(exception.getMessage()).asException();
        }
        if (exception instanceof StatusRuntimeException || exception instanceof StatusException) {
            // already a status chosen on purpose (e.g. a cancelled call); keep it, drop the cause
            Status status = Status.fromThrowable(exception);
            return Status.fromCode(status.getCode()).withDescription(status.getDescription()).asException();
        }
        log.error("GetFeatures failed unexpectedly", exception);
        return Status.INTERNAL
                .withDescription("the feature service failed unexpectedly; the cause is in its log")
                .asException();
    }

    /** INVALID_ARGUMENT with a google.rpc.BadRequest detail, so a caller can name each bad field. */
    private static StatusException invalidArgument(InvalidRequestException invalid) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        invalid.violations().forEach(v -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(v.field())
                .setDescription(v.description())));
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(invalid.getMessage())
                .addDetails(Any.pack(badRequest.build()))
                .build();
        return StatusProto.toStatusException(status);
    }
}
