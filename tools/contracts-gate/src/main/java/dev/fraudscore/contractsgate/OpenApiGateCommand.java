package dev.fraudscore.contractsgate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar contracts-gate.jar REFERENCE.yaml CURRENT.yaml}: exit 0 when CURRENT keeps every caller of
 * REFERENCE working, 1 with each breaking change named, 2 when the documents cannot be read.
 */
public final class OpenApiGateCommand {

    private OpenApiGateCommand() {
    }

    public static void main(String[] args) {
        // openapi-diff's parser logs every document it reads; the verdict below says what matters
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("Usage: contracts-gate REFERENCE.yaml CURRENT.yaml (compares the OpenAPI document CURRENT"
                    + " with REFERENCE and fails on a change that breaks REFERENCE's callers).");
            return 2;
        }
        Path reference = Path.of(args[0]);
        Path current = Path.of(args[1]);
        OpenApiCompatibility.Verdict verdict;
        try {
            verdict = OpenApiCompatibility.compare(Files.readString(reference), Files.readString(current));
        } catch (IOException unreadable) {
            out.println("Could not read " + unreadable.getMessage() + "; the gate needs both OpenAPI documents.");
            return 2;
        } catch (RuntimeException notOpenApi) {
            out.println("openapi-diff could not read " + reference + " or " + current + " as OpenAPI ("
                    + notOpenApi.getMessage() + "); redocly lint says what is wrong with a document.");
            return 2;
        }
        String name = current.getFileName().toString();
        switch (verdict.kind()) {
            case UNCHANGED -> out.println(name + ": openapi-diff sees no change to its paths, operations or schemas.");
            case COMPATIBLE -> out.println(name + " changed compatibly (every caller of the reference still works):"
                    + System.lineSeparator() + verdict.report());
            case BREAKING -> out.println(name + " BREAKS callers of the reference; openapi-diff found:"
                    + System.lineSeparator() + verdict.report());
        }
        return verdict.kind() == OpenApiCompatibility.Kind.BREAKING ? 1 : 0;
    }
}
