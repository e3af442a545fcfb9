package dev.fraudscore.businessapi.grpc;

/** Proto floats to the doubles of the JSON answer. */
public final class ProtoNumbers {

    private ProtoNumbers() {
    }

    /**
     * The double with the float's shortest decimal text, so 0.87f is answered as 0.87 and not as
     * 0.8700000047683716.
     */
    public static double toDouble(float value) {
        return Double.parseDouble(Float.toString(value));
    }
}
