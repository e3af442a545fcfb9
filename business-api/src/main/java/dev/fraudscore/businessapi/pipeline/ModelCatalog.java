package dev.fraudscore.businessapi.pipeline;

import java.util.Optional;

/** What business-api knows of the served model; kept fresh in the background, never read on a request's time. */
public interface ModelCatalog {

    /** The last known model; empty until predict-service has said once. */
    Optional<ServedModel> current();

    /** Asks for a fresh read soon (the model or its feature set changed under us); never blocks. */
    void refreshSoon();
}
