package de.dormagentwin.live.ingest;

/**
 * Random numbers that are pure functions of a key and an index, so that the simulator can compute any value of any
 * series at any time without keeping state: a fetch next week continues exactly the series a fetch today began.
 *
 * <p>{@link StrictMath} keeps the results bit-identical on every JVM and at every level of JIT compilation.
 */
final class Noise {
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private Noise() {
    }

    /** The SplitMix64 finaliser: every input bit affects every output bit. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** A key for one named series under a seed (FNV-1a over the name, mixed with the seed). */
    static long key(long seed, String name) {
        long hash = 0xCBF2_9CE4_8422_2325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x0000_0100_0000_01B3L;
        }
        return mix(hash ^ mix(seed + GOLDEN_GAMMA));
    }

    /** Uniform in [0, 1). */
    static double uniform(long key, long index) {
        return (mix(key ^ mix(index * GOLDEN_GAMMA + 0x632B_E59B_D9B4_E019L)) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    static double signed(long key, long index) {
        return 2.0 * uniform(key, index) - 1.0;
    }

    /** Standard normal (Box-Muller on two uniforms of the index). */
    static double gaussian(long key, long index) {
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - uniform(key, 2 * index)));
        return radius * StrictMath.cos(2.0 * StrictMath.PI * uniform(key, 2 * index + 1));
    }

    /**
     * Value noise in [-1, 1]: random values at the integers, joined smoothly in between. Weather and loads wander
     * with it; {@code position} is time divided by how long one wander takes.
     */
    static double smooth(long key, double position) {
        double floor = StrictMath.floor(position);
        long knot = (long) floor;
        double fraction = position - floor;
        double eased = fraction * fraction * (3.0 - 2.0 * fraction);
        double before = signed(key, knot);
        return before + (signed(key, knot + 1) - before) * eased;
    }

    /** A count with the given mean: Poisson by inversion for small means, its normal limit for large ones. */
    static int poisson(double mean, long key, long index) {
        if (mean <= 0.0) {
            return 0;
        }
        if (mean > 40.0) {
            return (int) Math.max(0L, Math.round(mean + StrictMath.sqrt(mean) * gaussian(key, index)));
        }
        double target = uniform(key, index);
        double probability = StrictMath.exp(-mean);
        double cumulative = probability;
        int count = 0;
        while (target > cumulative && count < 1_000) {
            count++;
            probability *= mean / count;
            cumulative += probability;
        }
        return count;
    }

    /** exp(-(x - centre)² / 2 width²): a bump, such as a rush hour. */
    static double bump(double x, double centre, double width) {
        double z = (x - centre) / width;
        return StrictMath.exp(-0.5 * z * z);
    }

    /** A step from 0 to 1 around {@code edge}, {@code width} wide: a shop opening, a lorry ban ending. */
    static double step(double x, double edge, double width) {
        return 1.0 / (1.0 + StrictMath.exp(-(x - edge) / width));
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Rounded to a number of decimals, as a sensor reports: also keeps stored values short. */
    static double round(double value, int decimals) {
        double scale = StrictMath.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
