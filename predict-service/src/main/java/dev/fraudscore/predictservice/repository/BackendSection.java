package dev.fraudscore.predictservice.repository;

import dev.fraudscore.predictservice.remote.TorchServeBackend;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** The {@code backend} section of a model's {@code config.yaml}, as the settings of a remote server or none. */
final class BackendSection {

    static final String LOCAL = "local";
    static final String TORCHSERVE = "torchserve";

    private BackendSection() {
    }

    /**
     * @param model    the model's folder name: the remote model name when the section names none
     * @param fallback what the model gets without a section
     * @return the remote server, or {@code null} for DJL in-process
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    static TorchServeBackend read(ModelFolderFiles.Backend section, String model, TorchServeBackend fallback) {
        if (section == null) {
            return fallback;
        }
        String type = section.type() == null ? LOCAL : section.type();
        if (type.equals(LOCAL)) {
            return null;
        }
        if (!type.equals(TORCHSERVE)) {
            throw new IllegalArgumentException("backend.type '" + type + "' is not one of " + LOCAL + ", " + TORCHSERVE);
        }
        if (section.url() == null) {
            throw new IllegalArgumentException("backend.url is required with type torchserve: the server's address,"
                    + " such as http://gpu-pool:8080");
        }
        return new TorchServeBackend(url(section.url()), section.model() == null ? model : section.model(),
                section.version(),
                duration("backend.connectTimeout", section.connectTimeout(), TorchServeBackend.DEFAULT_CONNECT_TIMEOUT),
                duration("backend.callTimeout", section.callTimeout(), TorchServeBackend.DEFAULT_CALL_TIMEOUT),
                section.maxIdleConnections() == null ? TorchServeBackend.DEFAULT_MAX_IDLE_CONNECTIONS
                        : section.maxIdleConnections(),
                duration("backend.keepAlive", section.keepAlive(), TorchServeBackend.DEFAULT_KEEP_ALIVE));
    }

    private static URI url(String url) {
        try {
            return new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("backend.url '" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static Duration duration(String field, String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a duration such as 200ms or 5m");
        }
    }
}
