package dev.fraudscore.postprocess.domain;

/**
 * Score bands: below {@code review} approve, from {@code review} up to (not including) {@code decline}
 * review, from {@code decline} decline. Kept as floats because scores arrive as float32: comparing in
 * the same precision means a score sent as exactly the threshold lands in the upper band.
 */
public record Thresholds(float review, float decline) {

    public Label labelFor(float score) {
        if (score >= decline) {
            return Label.HIGHLY_SUSPICIOUS;
        }
        return score >= review ? Label.SUSPICIOUS : Label.NOT_FRAUD;
    }
}
