package dev.fraudscore.contractsgate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Whether a new version of an OpenAPI document still serves the callers of the old one, as openapi-diff judges
 * it: a removed path or operation, a new required request property, a narrower request type, pattern or enum,
 * a required answer property removed, or a new enum value in an answer breaks them; what a caller may ignore
 * (a new optional property, a new operation) does not.
 */
final class OpenApiCompatibility {

    enum Kind { UNCHANGED, COMPATIBLE, BREAKING }

    /** The judgement and openapi-diff's report of each change (empty when unchanged). */
    record Verdict(Kind kind, String report) {
    }

    private OpenApiCompatibility() {
    }

    /** @throws RuntimeException when openapi-diff cannot read one of the documents */
    static Verdict compare(String reference, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(reference, current);
        if (diff.isUnchanged()) {
            return new Verdict(Kind.UNCHANGED, "");
        }
        return new Verdict(diff.isIncompatible() ? Kind.BREAKING : Kind.COMPATIBLE, render(diff));
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // the renderer closes the writer it is given
        new MarkdownRender().render(diff, new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
