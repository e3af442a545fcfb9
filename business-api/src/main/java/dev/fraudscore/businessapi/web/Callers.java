package dev.fraudscore.businessapi.web;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who sent a request: the gateway authenticates the API key and forwards the caller's configured name in
 * {@code X-Caller}. Transaction ids are unique per caller. A request that did not come through the gateway
 * (tests, an operator on the internal network) has no caller and shares the namespace {@value #DIRECT}.
 */
final class Callers {

    static final String HEADER = "X-Caller";
    static final String DIRECT = "direct";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Callers() {
    }

    /** @throws DomainException (INVALID) when the header is there but is not a caller name */
    static String of(HttpServletRequest request) {
        String caller = request.getHeader(HEADER);
        if (caller == null) {
            return DIRECT;
        }
        if (!NAME.matcher(caller).matches()) {
            throw DomainException.invalidFields("the request", List.of(new FieldViolation(HEADER,
                    "must be a caller name of 1 to 64 letters, digits, '.', '_' or '-'")));
        }
        return caller;
    }
}
