package dev.fraudscore.predictservice.domain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one place that knows whether a model is ready to serve. Starts {@link Loading}; the loader moves
 * it to {@link Ready} or {@link Unavailable}. Health reporting listens to it, so the gRPC health
 * service, the actuator and Predict always agree.
 */
public final class ModelSlot {

    public static final String STILL_LOADING = "the model is still loading";

    /** What the slot holds. */
    public sealed interface State permits Loading, Ready, Unavailable {
    }

    public record Loading(String sentence) implements State {
    }

    public record Ready(ServedModel model) implements State {
    }

    /** Nothing can be served; the sentence says why and what to do. */
    public record Unavailable(String sentence) implements State {
    }

    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = new Loading(STILL_LOADING);
    private boolean closed;

    public State state() {
        return state;
    }

    public boolean isReady() {
        return state instanceof Ready;
    }

    /** The model to score with, or a MODEL_UNAVAILABLE refusal saying why there is none. */
    public ServedModel require() {
        State current = state;
        if (current instanceof Ready ready) {
            return ready.model();
        }
        if (current instanceof Loading loading) {
            throw PredictionException.unavailable(loading.sentence());
        }
        throw PredictionException.unavailable(((Unavailable) current).sentence());
    }

    /**
     * Serves {@code model} from now on. Returns false when the slot was closed meanwhile (the service is
     * stopping); the caller then still owns the model and must close it.
     */
    public boolean ready(ServedModel model) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            change(new Ready(model));
        }
        return true;
    }

    public synchronized void unavailable(String sentence) {
        if (!closed) {
            change(new Unavailable(sentence));
        }
    }

    /** Calls {@code listener} now with the current state and again on every change, in order. */
    public synchronized void onChange(Consumer<State> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    /** Stops serving and releases the model; later loads are refused. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        State last = state;
        change(new Unavailable("predict-service is shutting down"));
        closed = true;
        if (last instanceof Ready ready) {
            ready.model().close();
        }
    }

    private void change(State next) {
        state = next;
        listeners.forEach(listener -> listener.accept(next));
    }
}
