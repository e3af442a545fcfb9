package dev.fraudscore.domain;

/**
 * Score bands: below {@code review} approve, from {@code review} up to (not including) {@code decline}
 * review, from {@code decline} decline. Floats, because scores travel as float32: comparing in the same
 * precision means a score sent as exactly the threshold lands in the upper band.
 */
public record Thresholds(float review, float decline) {

    public Thresholds {
        if (!(review >= 0f && decline <= 1f && review < decline)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= review < decline <= 1, but review is "
                    + review + " and decline is " + decline);
        }
    }

    public Label labelFor(float score) {
        if (score >= decline) {
            return Label.HIGHLY_SUSPICIOUS;
        }
        return score >= review ? Label.SUSPICIOUS : Label.NOT_FRAUD;
    }
}
