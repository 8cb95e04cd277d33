package de.dormagentwin.live.ingest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

import static de.dormagentwin.live.ingest.Noise.bump;
import static de.dormagentwin.live.ingest.Noise.clamp;
import static de.dormagentwin.live.ingest.Noise.smooth;
import static de.dormagentwin.live.ingest.Noise.step;
import static de.dormagentwin.live.ingest.Noise.uniform;

/**
 * The town-wide state the simulated sensors share at one moment: local time, weather, air-quality episodes and how
 * busy the streets are. Every sensor derives its value from this and from noise of its own, so that a cold calm
 * night raises PM10 at every box at once, as it would in the real town.
 */
final class SimulatedWeather {
    private static final ZoneRules LOCAL_TIME = ZoneId.of("Europe/Berlin").getRules();
    private static final double DAYS_PER_YEAR = 365.2425;
    /** Stagnant-air episodes come about once in this many hours (nine days), each at a random time in its block. */
    private static final double EPISODE_BLOCK_HOURS = 216.0;

    private final long temperatureKey;
    private final long temperatureDetailKey;
    private final long cloudKey;
    private final long windKey;
    private final long windDetailKey;
    private final long directionKey;
    private final long directionDetailKey;
    private final long rainKey;
    private final long showerKey;
    private final long episodeKey;
    private final long backgroundKey;

    SimulatedWeather(long seed) {
        temperatureKey = Noise.key(seed, "weather/temperature");
        temperatureDetailKey = Noise.key(seed, "weather/temperature-detail");
        cloudKey = Noise.key(seed, "weather/cloud");
        windKey = Noise.key(seed, "weather/wind");
        windDetailKey = Noise.key(seed, "weather/wind-detail");
        directionKey = Noise.key(seed, "weather/direction");
        directionDetailKey = Noise.key(seed, "weather/direction-detail");
        rainKey = Noise.key(seed, "weather/rain");
        showerKey = Noise.key(seed, "weather/shower");
        episodeKey = Noise.key(seed, "weather/episode");
        backgroundKey = Noise.key(seed, "weather/background-pm");
    }

    /**
     * The state at one time.
     *
     * @param hour local hour of day, 0 to 24 (Europe/Berlin, so rush hours follow daylight saving time)
     * @param dayOfWeek 1 Monday to 7 Sunday
     * @param winter 1 in mid-January, 0 in mid-July
     * @param temperature air temperature, °C
     * @param dewPoint dew point, °C
     * @param windSpeed at 10 m, m/s
     * @param windDirection where the wind comes from, degrees clockwise from north
     * @param rain 0 dry to 1 heavy
     * @param episode 0 to 1: stagnant air with regional particulate matter piling up
     * @param stability 0 to 1: a calm night inversion that keeps local emissions near the ground
     * @param backgroundPm10 regional PM10 before local sources, µg/m³
     * @param cars relative street traffic, 1 at a weekday rush hour
     * @param lorries relative lorry traffic, 1 on a weekday daytime
     * @param bikes relative cycling, weather included
     * @param pedestrians relative footfall, weather included
     */
    record Moment(long epochMillis, double hour, int dayOfWeek, double winter, double temperature, double dewPoint,
                  double windSpeed, double windDirection, double rain, double episode, double stability,
                  double backgroundPm10, double cars, double lorries, double bikes, double pedestrians) {

        /** Hours since the epoch: the time axis the slow wanders of noise run on. */
        double hours() {
            return epochMillis / 3_600_000.0;
        }
    }

    Moment at(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000L);
        long localSecond = epochSecond + LOCAL_TIME.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        long epochDay = Math.floorDiv(localSecond, 86_400L);
        double hour = Math.floorMod(localSecond, 86_400L) / 3_600.0;
        // 1970-01-01 was a Thursday.
        int dayOfWeek = (int) Math.floorMod(epochDay + 3, 7L) + 1;
        double yearFraction = (epochDay % DAYS_PER_YEAR) / DAYS_PER_YEAR;
        double winter = 0.5 + 0.5 * StrictMath.cos(2 * StrictMath.PI * (yearFraction - 0.05));
        double hours = epochMillis / 3_600_000.0;

        double episode = episode(hours);
        double rain = clamp((smooth(rainKey, hours / 7.0) + 0.35 * smooth(showerKey, hours / 1.5) - 0.35) / 0.6, 0, 1)
                * (1 - episode);
        double cloud = clamp(0.55 + 0.45 * smooth(cloudKey, hours / 30.0) + 0.5 * rain, 0, 1);

        // Coldest around 20 January, warmest around 20 July: about 3 °C and 19 °C as daily means, as in Düsseldorf.
        double season = 11.0 - 8.3 * StrictMath.cos(2 * StrictMath.PI * (yearFraction - 0.055));
        double dailyMean = season + 3.5 * smooth(temperatureKey, hours / 72.0) + smooth(temperatureDetailKey, hours / 12.0);
        // Clear skies widen the day-night swing; the warmest hour is mid-afternoon, the coldest before dawn.
        double halfSwing = (2.0 + 4.0 * (1 - cloud)) * (0.7 + 0.3 * (1 - winter));
        double temperature = dailyMean + halfSwing * StrictMath.cos(2 * StrictMath.PI * (hour - 15) / 24) - 1.5 * rain;
        double dewPoint = dailyMean - (1.5 + 5.0 * (1 - cloud)) + 1.0 * rain;

        // Afternoon mixing brings wind down to the ground; stagnant episodes are calm by definition.
        double windSpeed = 3.5 * StrictMath.exp(0.45 * smooth(windKey, hours / 20.0) + 0.2 * smooth(windDetailKey, hours / 4.0))
                * (1 + 0.25 * StrictMath.cos(2 * StrictMath.PI * (hour - 14) / 24)) * (1 - 0.55 * episode);
        // The Lower Rhine's wind is mostly south-westerly; stagnant episodes come with easterly continental air.
        double direction = 235 + 60 * smooth(directionKey, hours / 36.0) + 25 * smooth(directionDetailKey, hours / 6.0);
        direction = (1 - episode) * direction + episode * 95;

        double night = 0.5 + 0.5 * StrictMath.cos(2 * StrictMath.PI * (hour - 3) / 24);
        double stability = night * clamp(1 - windSpeed / 5.0, 0, 1);
        double backgroundPm10 = (12 + 5 * smooth(backgroundKey, hours / 40.0)) * (1 + 0.35 * winter) + 45 * episode;

        double bikeWeather = (1 - 0.75 * rain) * clamp((temperature + 3) / 20, 0.25, 1.2);
        return new Moment(epochMillis, hour, dayOfWeek, winter, temperature, dewPoint, Math.max(0.3, windSpeed),
                degrees(direction), rain, episode, stability, backgroundPm10,
                cars(hour, dayOfWeek), lorries(hour, dayOfWeek), bikes(hour, dayOfWeek) * bikeWeather,
                pedestrians(hour, dayOfWeek) * (1 - 0.5 * rain));
    }

    /** An angle folded into [0, 360). */
    static double degrees(double angle) {
        double folded = angle % 360.0;
        // Adding 0.0 turns -0.0 into 0.0.
        return folded < 0 ? folded + 360.0 : folded + 0.0;
    }

    /** Bumps of random strength, one in each nine-day block, so that any month has a few and most days none. */
    private double episode(double hours) {
        long block = (long) StrictMath.floor(hours / EPISODE_BLOCK_HOURS);
        double sum = 0;
        for (long b = block - 1; b <= block + 1; b++) {
            double centre = (b + 0.15 + 0.7 * uniform(episodeKey, 4 * b)) * EPISODE_BLOCK_HOURS;
            double width = 10 + 14 * uniform(episodeKey, 4 * b + 1);
            double strength = 0.35 + 0.65 * uniform(episodeKey, 4 * b + 2);
            sum += strength * bump(hours, centre, width);
        }
        return Math.min(1, sum);
    }

    private static double cars(double hour, int dayOfWeek) {
        return switch (dayOfWeek) {
            case 6 -> 0.04 + 0.55 * bump(hour, 12.5, 3.2) + 0.1 * bump(hour, 20, 2.5);
            case 7 -> 0.03 + 0.38 * bump(hour, 14.5, 3.2);
            default -> 0.03 + 0.45 * daytime(hour) + 0.5 * bump(hour, 7.75, 0.8) + 0.45 * bump(hour, 17, 1.4);
        };
    }

    /** Lorries run on weekdays; Germany bans them on Sundays until 22:00. */
    private static double lorries(double hour, int dayOfWeek) {
        return switch (dayOfWeek) {
            case 6 -> 0.03 + 0.3 * bump(hour, 10, 3);
            case 7 -> 0.01 + 0.25 * step(hour, 22, 0.3);
            default -> 0.03 + 0.9 * step(hour, 5.5, 0.7) * step(-hour, -18.5, 1.0);
        };
    }

    private static double bikes(double hour, int dayOfWeek) {
        return dayOfWeek >= 6
                ? 0.02 + 0.6 * bump(hour, 14, 3)
                : 0.02 + 0.55 * bump(hour, 7.5, 0.7) + 0.25 * daytime(hour) + 0.5 * bump(hour, 16.75, 1.2);
    }

    /** Shops open Monday to Saturday; on Sundays people walk in the afternoon. */
    private static double pedestrians(double hour, int dayOfWeek) {
        return switch (dayOfWeek) {
            case 6 -> 0.03 + 0.95 * step(hour, 9, 0.7) * step(-hour, -16, 0.8);
            case 7 -> 0.03 + 0.35 * bump(hour, 14.5, 3);
            default -> 0.03 + 0.6 * step(hour, 8, 0.7) * step(-hour, -19.5, 0.8) + 0.3 * bump(hour, 12.5, 1.2)
                    + 0.15 * bump(hour, 7.5, 0.7);
        };
    }

    /** 0 at night, 1 during the working day. */
    private static double daytime(double hour) {
        return step(hour, 6.5, 0.6) * step(-hour, -19.5, 1.0);
    }
}
