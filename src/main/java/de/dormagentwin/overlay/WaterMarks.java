package de.dormagentwin.overlay;

/**
 * A river gauge's marks for low and high water, in the unit of its datastream, as its operator states them:
 * PEGELONLINE gives each gauge's MNW and MHW (the means of the yearly lowest and highest levels over a stated period)
 * among its "characteristicValues", and calls a level low at or below MNW and high at or above MHW
 * ({@code stateMnwMhw}). The twin knows no marks of its own: a gauge without them gets no word.
 *
 * @param low  at or below this the river is at low water (MNW)
 * @param high at or above this the river is at high water (MHW)
 */
public record WaterMarks(double low, double high) {
    /** How high the river is, by the marks. */
    public enum Stage {
        LOW, MEAN, HIGH
    }

    /** Marks a level beyond this (in either direction) are no gauge's, in centimetres or metres. */
    static final double LIMIT = 100_000;

    public WaterMarks {
        String problem = problem(low, high);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these cannot be a gauge's marks, or null when they can. */
    static String problem(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || Math.abs(low) > LIMIT || Math.abs(high) > LIMIT) {
            return "low and high water must be finite numbers within " + (long) LIMIT;
        }
        if (low >= high) {
            return "low water (" + low + ") must lie below high water (" + high + ")";
        }
        // Levels below a gauge's zero occur at low water; a flood mark there is a sign typed or read wrong.
        if (high <= 0) {
            return "high water (" + high + ") must lie above the gauge's zero";
        }
        return null;
    }

    public Stage stageOf(double level) {
        return level <= low ? Stage.LOW : level >= high ? Stage.HIGH : Stage.MEAN;
    }
}
