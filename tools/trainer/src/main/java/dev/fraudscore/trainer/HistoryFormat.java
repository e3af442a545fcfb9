package dev.fraudscore.trainer;

import dev.fraudscore.simulator.HandbookCsv;
import dev.fraudscore.simulator.JsonLines;
import dev.fraudscore.simulator.LabelledTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The layouts a labelled history can be read from ({@code --input-format}). */
enum HistoryFormat {
    /** The Fraud Detection Handbook's CSV table; see {@link HandbookCsv} for the defaults it fills in. */
    HANDBOOK,
    /** Our simulator's JSON Lines. */
    SIMULATOR;

    /** Reads {@code file} in time order; a bad file is a {@link TrainingException} naming the row and field. */
    List<LabelledTransaction> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<LabelledTransaction> history = this == HANDBOOK
                    ? HandbookCsv.read(in, file.toString())
                    : JsonLines.read(in, file.toString());
            if (history.isEmpty()) {
                throw new TrainingException(file + " holds no transactions");
            }
            return history;
        } catch (IllegalArgumentException e) {
            throw new TrainingException("bad input: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new TrainingException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
