package de.dormagentwin.sample;

/**
 * A rectangular footprint in EPSG:25832: centre, side lengths in metres and the direction of
 * the {@code length} side, in radians counter-clockwise from east. Gable and hip ridges run
 * along the length side.
 */
record Footprint(double centreEasting, double centreNorthing, double length, double width, double angleRadians) {

    /**
     * A footprint whose length side is the longer one, turning it a quarter if needed, so
     * ridges always follow the long axis.
     */
    static Footprint withRidgeAlongLongerSide(double centreEasting, double centreNorthing,
            double sideAlongAngle, double sideAcrossAngle, double angleRadians) {
        if (sideAlongAngle >= sideAcrossAngle) {
            return new Footprint(centreEasting, centreNorthing, sideAlongAngle, sideAcrossAngle, angleRadians);
        }
        return new Footprint(centreEasting, centreNorthing, sideAcrossAngle, sideAlongAngle,
                angleRadians + Math.PI / 2.0);
    }

    /** Corners counter-clockwise seen from above, starting at the back-left corner. */
    double[][] corners() {
        double alongEasting = StrictMath.cos(angleRadians) * length / 2.0;
        double alongNorthing = StrictMath.sin(angleRadians) * length / 2.0;
        double acrossEasting = -StrictMath.sin(angleRadians) * width / 2.0;
        double acrossNorthing = StrictMath.cos(angleRadians) * width / 2.0;
        return new double[][] {
            {centreEasting - alongEasting - acrossEasting, centreNorthing - alongNorthing - acrossNorthing},
            {centreEasting + alongEasting - acrossEasting, centreNorthing + alongNorthing - acrossNorthing},
            {centreEasting + alongEasting + acrossEasting, centreNorthing + alongNorthing + acrossNorthing},
            {centreEasting - alongEasting + acrossEasting, centreNorthing - alongNorthing + acrossNorthing}
        };
    }

    /** The point at {@code along} metres along the length axis and {@code across} metres across it. */
    double[] localToWorld(double along, double across) {
        double cos = StrictMath.cos(angleRadians);
        double sin = StrictMath.sin(angleRadians);
        return new double[] {centreEasting + along * cos - across * sin, centreNorthing + along * sin + across * cos};
    }
}
