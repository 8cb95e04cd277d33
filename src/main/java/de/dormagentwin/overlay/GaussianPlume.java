package de.dormagentwin.overlay;

/**
 * The textbook Gaussian plume of a continuous point source over open country, for the CHEMPARK safety view: an
 * illustration of where a stack's emission goes with the wind, not a dispersion forecast. Dispersion widths are
 * Briggs' rural formulas for a Pasquill-Gifford stability class (D, neutral, by default); the ground reflects.
 */
public final class GaussianPlume {

    /** Pasquill-Gifford stability classes with Briggs' open-country coefficients: sigma = a x (1 + b x)^c. */
    public enum Stability {
        A(0.22, 0.0001, -0.5, 0.20, 0, 0),
        B(0.16, 0.0001, -0.5, 0.12, 0, 0),
        C(0.11, 0.0001, -0.5, 0.08, 0.0002, -0.5),
        D(0.08, 0.0001, -0.5, 0.06, 0.0015, -0.5),
        E(0.06, 0.0001, -0.5, 0.03, 0.0003, -1),
        F(0.04, 0.0001, -0.5, 0.016, 0.0003, -1);

        private final double ya;
        private final double yb;
        private final double yc;
        private final double za;
        private final double zb;
        private final double zc;

        Stability(double ya, double yb, double yc, double za, double zb, double zc) {
            this.ya = ya;
            this.yb = yb;
            this.yc = yc;
            this.za = za;
            this.zb = zb;
            this.zc = zc;
        }

        /** Crosswind spread in metres at {@code x} metres downwind. */
        public double sigmaY(double x) {
            return ya * x * Math.pow(1 + yb * x, yc);
        }

        /** Vertical spread in metres at {@code x} metres downwind. */
        public double sigmaZ(double x) {
            return za * x * Math.pow(1 + zb * x, zc);
        }
    }

    private final double emissionGramsPerSecond;
    private final double windMetresPerSecond;
    private final double effectiveHeightMetres;
    private final Stability stability;

    public GaussianPlume(double emissionGramsPerSecond, double windMetresPerSecond, double effectiveHeightMetres, Stability stability) {
        if (!(emissionGramsPerSecond >= 0) || !(windMetresPerSecond > 0) || !(effectiveHeightMetres >= 0)) {
            throw new IllegalArgumentException("emission must be 0 or more, wind speed above 0 and height 0 or more");
        }
        this.emissionGramsPerSecond = emissionGramsPerSecond;
        // Below about 1 m/s the plume model does not hold (calm, meandering); hold the wind at that.
        this.windMetresPerSecond = Math.max(1, windMetresPerSecond);
        this.effectiveHeightMetres = effectiveHeightMetres;
        this.stability = stability;
    }

    /**
     * Ground-level concentration in micrograms per cubic metre at {@code downwind} metres along the wind and
     * {@code crosswind} metres across it; zero upwind.
     */
    public double groundConcentration(double downwind, double crosswind) {
        if (downwind <= 0) {
            return 0;
        }
        double sigmaY = stability.sigmaY(downwind);
        double sigmaZ = stability.sigmaZ(downwind);
        double gramsPerCubicMetre = emissionGramsPerSecond / (Math.PI * windMetresPerSecond * sigmaY * sigmaZ)
                * Math.exp(-crosswind * crosswind / (2 * sigmaY * sigmaY))
                * Math.exp(-effectiveHeightMetres * effectiveHeightMetres / (2 * sigmaZ * sigmaZ));
        return gramsPerCubicMetre * 1e6;
    }
}
