package dev.fraudscore.predictservice.standard;

import java.util.List;

/** A tensor as model metadata describes it; {@code -1} stands for a dimension of any size (the rows). */
public record TensorSpec(String name, String datatype, List<Long> shape) {
}
