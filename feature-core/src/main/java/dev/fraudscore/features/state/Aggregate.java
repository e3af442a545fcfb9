package dev.fraudscore.features.state;

import java.time.Duration;

/**
 * One piece of state a feature set declares. Every store (Redis for serving, memory for training) interprets
 * the same declaration, so a new set needs no store code. Each aggregate contributes {@link #width()} numbers to
 * the {@link AggregateState} a set computes from, in declaration order.
 */
public sealed interface Aggregate permits ExactWindow, LastEvent, Tiles, RecentMerchants {

    /** Short and unique in its set: part of its Redis key. */
    String name();

    Entity entity();

    /** How many numbers it puts in the state. */
    int width();

    /** How long an entity's state of it outlives the entity's latest write: the longest span it reads, plus slack. */
    Duration ttl();

    /** A stable text of the declaration, part of the set's fingerprint: change it and the vectors change. */
    String describe();
}
