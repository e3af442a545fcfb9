package dev.fraudscore.support.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.fraudscore.domain.DomainException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * The one mapping from exceptions to gRPC status, for every endpoint of every service: a domain refusal
 * becomes its status with the domain's sentence (and a {@code google.rpc.BadRequest} naming each bad field);
 * a refusal with a cause (a store's own error) is logged in a line; a status thrown on purpose keeps its code and description but loses its cause; anything else is logged
 * here with its stack trace and answered INTERNAL with a sentence, never the trace.
 */
public final class GrpcStatusMapping implements GrpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GrpcStatusMapping.class);

    private final String service;

    /** @param service the service's name, for the sentence of an internal error */
    public GrpcStatusMapping(String service) {
        this.service = service;
    }

    @Override
    public StatusException handleException(Throwable exception) {
        if ((exception instanceof CompletionException || exception instanceof ExecutionException)
                && exception.getCause() != null) {
            // a failure that arrived through a future (an asynchronous call answering late): map what failed
            return handleException(exception.getCause());
        }
        if (exception instanceof DomainException refused) {
            if (refused.getCause() != null) {
                log.warn("{} ({})", refused.getMessage(), refused.getCause().toString());
            }
            return refused.violations().isEmpty()
                    ? codeOf(refused.kind()).withDescription(refused.getMessage()).asException()
                    : badRequest(refused);
        }
        Status status = Status.fromThrowable(exception);
        if (status.getCode() != Status.Code.UNKNOWN || status.getCause() != exception) {
            // a status chosen on purpose (a cancelled call, a deadline): keep it, drop the cause
            return Status.fromCode(status.getCode()).withDescription(status.getDescription()).asException();
        }
        log.error("A gRPC call failed unexpectedly", exception);
        return Status.INTERNAL.withDescription(service + " failed to handle the request because of an internal error;"
                + " the cause is in its log").asException();
    }

    public static Status codeOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case MISMATCH -> Status.FAILED_PRECONDITION;
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case OVERLOADED -> Status.RESOURCE_EXHAUSTED;
            case TOO_LATE -> Status.DEADLINE_EXCEEDED;
        };
    }

    private static StatusException badRequest(DomainException invalid) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        invalid.violations().forEach(v -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(v.field()).setDescription(v.message())));
        return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(invalid.getMessage())
                .addDetails(Any.pack(badRequest.build()))
                .build());
    }
}
