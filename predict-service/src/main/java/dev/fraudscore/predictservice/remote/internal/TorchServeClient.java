package dev.fraudscore.predictservice.remote.internal;

import dev.fraudscore.predictservice.remote.RemoteBackendException;
import dev.fraudscore.predictservice.remote.TorchServeBackend;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One OkHttp client for one remote server and model: its own connection pool, kept-alive connections, and one call
 * per attempt, never re-sent by OkHttp itself. Each call's timeout is given by the caller (what is left of the
 * request's deadline); OkHttp's read and write timeouts are off, so nothing else cuts a call earlier.
 */
public final class TorchServeClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get(TorchServeWire.MEDIA_TYPE);

    private final TorchServeBackend remote;
    private final OkHttpClient http;
    private final HttpUrl predictions;
    private final HttpUrl ping;

    public TorchServeClient(TorchServeBackend remote) {
        this.remote = remote;
        this.http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(remote.maxIdleConnections(), remote.keepAlive().toNanos(),
                        TimeUnit.NANOSECONDS))
                .socketFactory(new NoDelaySockets())
                .connectTimeout(remote.connectTimeout())
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                // on some connection failures OkHttp sends the request again on another connection: a POST /predictions
                // that reached the server may have been scored, so only RemoteBackend decides what is retried
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        HttpUrl base = HttpUrl.get(remote.url());
        HttpUrl.Builder path = base.newBuilder().addPathSegment("predictions").addPathSegment(remote.model());
        if (remote.version() != null) {
            path.addPathSegment(remote.version());
        }
        this.predictions = path.build();
        this.ping = base.newBuilder().addPathSegment("ping").build();
    }

    public HttpUrl predictionsUrl() {
        return predictions;
    }

    /**
     * One {@code POST /predictions}, not retried here.
     *
     * @param timeout       for the whole call: connecting, sending, scoring and answering
     * @param cutByDeadline whether {@code timeout} is what is left of the request's deadline (else backend.callTimeout)
     * @throws RemoteBackendException naming the remote and what went wrong
     */
    public float[] predict(byte[] rows, int rowCount, Duration timeout, boolean cutByDeadline) {
        Call call = http.newCall(new Request.Builder().url(predictions).post(RequestBody.create(rows, JSON)).build());
        call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            byte[] answer = response.body().bytes();
            if (!response.isSuccessful()) {
                throw RemoteFailures.status(remote, response.code(), new String(answer, StandardCharsets.UTF_8));
            }
            return TorchServeWire.scores(answer, rowCount, remote);
        } catch (IOException e) {
            throw failure(call, e, timeout, cutByDeadline);
        }
    }

    /** {@code GET /ping}: empty when the server says it is healthy, else why it is not. */
    public Optional<String> unhealthy(Duration timeout) {
        Call call = http.newCall(new Request.Builder().url(ping).get().build());
        call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                return Optional.of("GET " + ping + " answered " + response.code() + RemoteFailures.quote(body));
            }
            return TorchServeWire.healthStatus(body).filter(status -> !TorchServeWire.HEALTHY.equals(status))
                    .map(status -> "GET " + ping + " says its status is " + status);
        } catch (IOException e) {
            return Optional.of("GET " + ping + " failed (" + e + ")");
        }
    }

    private RemoteBackendException failure(Call call, IOException e, Duration timeout, boolean cutByDeadline) {
        if (e instanceof ConnectException) {
            return RemoteFailures.refused(remote, 1, e);
        }
        if (e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
            return RemoteFailures.unreachable(remote, e);
        }
        if (call.isCanceled() && e instanceof InterruptedIOException) {
            // the call timeout fired (OkHttp cancels a call when it does)
            return cutByDeadline ? RemoteFailures.cutAtDeadline(remote, timeout) : RemoteFailures.tooSlow(remote);
        }
        if (e instanceof SocketTimeoutException) {
            // read and write timeouts are off: only the connect timeout is left
            return RemoteFailures.connectTimedOut(remote, e);
        }
        return RemoteFailures.broken(remote, e);
    }

    /** Closes the idle connections; calls in flight finish. */
    @Override
    public void close() {
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }
}
