package dev.fraudscore.embedded.web;

import dev.fraudscore.support.apikey.ApiKeyCheck;
import dev.fraudscore.support.apikey.ApiKeyRegistry;
import dev.fraudscore.support.apikey.PresentedApiKey;
import dev.fraudscore.support.web.Problems;
import dev.fraudscore.support.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's API-key rule in the embedded deployment: {@code POST /fraud-score} and {@code POST /fraud-feedback}
 * go on only with a known key,
 * as its caller ({@code X-Caller}, which a caller cannot set itself); otherwise 401 problem+json, as the gateway
 * answers it.
 */
public final class ApiKeyServletFilter extends OncePerRequestFilter {

    private final ApiKeyCheck check;
    private final JsonMapper json;

    public ApiKeyServletFilter(ApiKeyRegistry registry, JsonMapper json) {
        this.check = new ApiKeyCheck(registry);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiKeyCheck.Outcome outcome = check.check(request.getHeader(PresentedApiKey.API_KEY_HEADER),
                request.getHeader(HttpHeaders.AUTHORIZATION));
        if (outcome instanceof ApiKeyCheck.Refused refused) {
            String requestId = response.getHeader(RequestIds.HEADER);
            byte[] body = json.writeValueAsBytes(Problems.members(Problems.of(HttpStatus.UNAUTHORIZED, refused.slug(),
                    HttpStatus.UNAUTHORIZED.getReasonPhrase(), refused.sentence(), request.getRequestURI(), requestId)));
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiKeyCheck.CHALLENGE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(new AsCaller(request, ((ApiKeyCheck.Known) outcome).caller()), response);
    }

    /** The request with the authenticated caller's name in {@code X-Caller}, whatever the caller sent there. */
    private static final class AsCaller extends HttpServletRequestWrapper {

        private final String caller;

        AsCaller(HttpServletRequest request, String caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public String getHeader(String name) {
            return ApiKeyCheck.CALLER_HEADER.equalsIgnoreCase(name) ? caller : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return ApiKeyCheck.CALLER_HEADER.equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(caller)) : super.getHeaders(name);
        }
    }
}
