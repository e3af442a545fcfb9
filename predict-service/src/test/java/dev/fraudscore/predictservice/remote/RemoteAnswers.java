package dev.fraudscore.predictservice.remote;

import mockwebserver3.MockResponse;

/** What the remote third party answers, as MockWebServer sends it. */
public final class RemoteAnswers {

    private RemoteAnswers() {
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }
}
