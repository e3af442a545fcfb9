package dev.fraudscore.businessapi.web;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, never more than the limit plus one byte: a second line of defence behind the
 * gateway's own limit, so an oversized body cannot fill the heap.
 */
final class BodyReader {

    private final int maxBytes;

    BodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param declaredLength the Content-Length, or -1 when unknown (chunked)
     * @throws PayloadTooLargeException when the body is over the limit
     */
    byte[] read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return body;
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("The body is larger than " + (maxBytes / 1024)
                + " KB; a transaction fits in far less, so send only the transaction.");
    }
}
