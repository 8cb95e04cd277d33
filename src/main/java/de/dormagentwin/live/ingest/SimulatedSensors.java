package de.dormagentwin.live.ingest;

import de.dormagentwin.live.ingest.SimulatedWeather.Moment;

import static de.dormagentwin.live.ingest.Noise.clamp;
import static de.dormagentwin.live.ingest.Noise.gaussian;
import static de.dormagentwin.live.ingest.Noise.poisson;
import static de.dormagentwin.live.ingest.Noise.round;
import static de.dormagentwin.live.ingest.Noise.smooth;
import static de.dormagentwin.live.ingest.Noise.uniform;

/**
 * What each simulated sensor measures, as pure functions of the town's {@link Moment} and of noise keyed by the
 * seed and the datastream's remote id. The character of a sensor's place (a busy road, a big plant) comes from its
 * thing's id under the seed, so that every run of the same seed describes the same town.
 */
final class SimulatedSensors {

    private SimulatedSensors() {
    }

    /** One datastream's value at a moment. */
    @FunctionalInterface
    interface Series {
        double at(Moment moment);
    }

    /** A LoRaWAN environment box on a building by a street: climate, air, noise and a traffic counter. */
    static final class Box {
        private final double carsPeak;
        private final double lorryShare;
        private final double bikesPeak;
        private final double pedestriansPeak;
        private final double heatIsland;
        private final double trafficPm10;
        private final double trafficCo2;
        private final double pm10Factor;
        private final long temperatureKey;
        private final long humidityKey;
        private final long co2Key;
        private final long pm10Key;
        private final long pm25Key;
        private final long noiseKey;
        private final long pedestriansKey;
        private final long bikesKey;
        private final long carsKey;
        private final long lorriesKey;

        Box(long seed, String thingId) {
            long place = Noise.key(seed, thingId);
            // Most boxes watch quiet streets, a few a main road: counts per 15 minutes at the weekday peak.
            carsPeak = 40 + 260 * StrictMath.pow(uniform(place, 0), 1.5);
            lorryShare = 0.04 + 0.1 * uniform(place, 1);
            bikesPeak = 8 + 40 * uniform(place, 2);
            pedestriansPeak = 20 + 180 * StrictMath.pow(uniform(place, 3), 2);
            heatIsland = 0.2 + uniform(place, 4);
            double busy = carsPeak / 300;
            trafficPm10 = 2 + 8 * busy;
            trafficCo2 = 5 + 20 * busy;
            pm10Factor = 0.9 + 0.25 * uniform(place, 5);
            temperatureKey = Noise.key(seed, thingId + "/temperature");
            humidityKey = Noise.key(seed, thingId + "/humidity");
            co2Key = Noise.key(seed, thingId + "/co2");
            pm10Key = Noise.key(seed, thingId + "/pm10");
            pm25Key = Noise.key(seed, thingId + "/pm25");
            noiseKey = Noise.key(seed, thingId + "/noise");
            pedestriansKey = Noise.key(seed, thingId + "/pedestrians");
            bikesKey = Noise.key(seed, thingId + "/bikes");
            carsKey = Noise.key(seed, thingId + "/cars");
            lorriesKey = Noise.key(seed, thingId + "/lorries");
        }

        private double localTemperature(Moment moment) {
            // Streets keep the day's heat most on calm nights.
            return moment.temperature() + heatIsland * (0.4 + 0.6 * moment.stability())
                    + 0.25 * gaussian(temperatureKey, moment.epochMillis());
        }

        double temperature(Moment moment) {
            return round(localTemperature(moment), 2);
        }

        double humidity(Moment moment) {
            double temperature = localTemperature(moment);
            double dewPoint = moment.dewPoint();
            // Magnus formula: the ratio of the saturation pressures at the dew point and at the air temperature.
            double relative = 100 * StrictMath.exp(17.62 * dewPoint / (243.12 + dewPoint) - 17.62 * temperature / (243.12 + temperature));
            return round(clamp(relative + 1.5 * gaussian(humidityKey, moment.epochMillis()), 15, 100), 1);
        }

        double co2(Moment moment) {
            return round(418 + 35 * moment.stability() + trafficCo2 * moment.cars() + 4 * gaussian(co2Key, moment.epochMillis()), 0);
        }

        private double unroundedPm10(Moment moment) {
            double dilution = clamp(1.35 - 0.12 * moment.windSpeed(), 0.55, 1.4);
            double inversion = 1 + 0.35 * moment.stability();
            double washout = 1 - 0.55 * moment.rain();
            return (moment.backgroundPm10() + trafficPm10 * moment.cars()) * dilution * inversion * washout * pm10Factor
                    * StrictMath.exp(0.12 * gaussian(pm10Key, moment.epochMillis()));
        }

        double pm10(Moment moment) {
            return round(unroundedPm10(moment), 1);
        }

        /** The fine fraction of the same air: a larger share in winter and in stagnant episodes. */
        double pm25(Moment moment) {
            double share = (0.55 + 0.15 * moment.episode() + 0.1 * moment.winter())
                    * StrictMath.exp(0.06 * gaussian(pm25Key, moment.epochMillis()));
            return Math.min(pm10(moment), round(unroundedPm10(moment) * share, 1));
        }

        /** The 15-minute equivalent level of what the counter saw pass: a lorry is as loud as several cars. */
        double noise(Moment moment) {
            double sources = 1 + cars(moment) + 6 * lorries(moment) + 0.05 * pedestrians(moment);
            return round(clamp(38 + 10 * StrictMath.log10(sources) + 1.2 * gaussian(noiseKey, moment.epochMillis()), 30, 95), 1);
        }

        double pedestrians(Moment moment) {
            return poisson(pedestriansPeak * moment.pedestrians(), pedestriansKey, moment.epochMillis());
        }

        double bikes(Moment moment) {
            return poisson(bikesPeak * moment.bikes(), bikesKey, moment.epochMillis());
        }

        double cars(Moment moment) {
            return poisson(carsPeak * moment.cars(), carsKey, moment.epochMillis());
        }

        double lorries(Moment moment) {
            return poisson(carsPeak * lorryShare * moment.lorries(), lorriesKey, moment.epochMillis());
        }
    }

    /**
     * The continuous emission monitoring of one CHEMPARK stack. Now and then a plant starts up or upsets and the
     * concentrations spike for half an hour to two hours, past the half-hourly limits.
     */
    static final class Stack {
        /** Hours in which a stack has at most one upset; 2.5 % of them have one, about one every ten days. */
        private static final double UPSET_BLOCK_HOURS = 6.0;
        private static final double UPSET_CHANCE = 0.025;

        private final double noxBase;
        private final double so2Base;
        private final long loadKey;
        private final long upsetKey;
        private final long noxKey;
        private final long so2Key;

        Stack(long seed, String thingId) {
            long place = Noise.key(seed, thingId);
            noxBase = 30 + 40 * uniform(place, 0);
            so2Base = 4 + 21 * uniform(place, 1);
            loadKey = Noise.key(seed, thingId + "/load");
            upsetKey = Noise.key(seed, thingId + "/upset");
            noxKey = Noise.key(seed, thingId + "/nox");
            so2Key = Noise.key(seed, thingId + "/so2");
        }

        private double load(Moment moment) {
            return 0.85 + 0.1 * smooth(loadKey, moment.hours() / 10.0);
        }

        /** How far above normal an upset lifts the concentrations now: 0 outside one. */
        private double upset(Moment moment) {
            double hours = moment.hours();
            long block = (long) StrictMath.floor(hours / UPSET_BLOCK_HOURS);
            double lift = 0;
            // An upset late in the previous block can last into this one.
            for (long b = block - 1; b <= block; b++) {
                if (uniform(upsetKey, 5 * b) >= UPSET_CHANCE) {
                    continue;
                }
                double start = (b + uniform(upsetKey, 5 * b + 1)) * UPSET_BLOCK_HOURS;
                double duration = 0.5 + 1.5 * uniform(upsetKey, 5 * b + 2);
                double position = (hours - start) / duration;
                if (position >= 0 && position <= 1) {
                    double rise = StrictMath.sin(StrictMath.PI * position);
                    lift = Math.max(lift, (0.9 + 1.3 * uniform(upsetKey, 5 * b + 3)) * rise);
                }
            }
            return lift;
        }

        double nox(Moment moment) {
            return round(noxBase * load(moment) * (1 + upset(moment)) * StrictMath.exp(0.04 * gaussian(noxKey, moment.epochMillis())), 1);
        }

        double so2(Moment moment) {
            return round(so2Base * load(moment) * (1 + 0.6 * upset(moment)) * StrictMath.exp(0.05 * gaussian(so2Key, moment.epochMillis())), 1);
        }
    }

    /**
     * A storage tank's fill level: filled within hours from a ship or a train, then drawn down slowly by its plant,
     * over a cycle of one and a half to ten days. Each cycle has its own low and high mark.
     */
    static Series tankLevel(long seed, String thingId, String datastreamId) {
        long place = Noise.key(seed, thingId);
        double period = 36 + 204 * uniform(place, 0);
        double fillShare = 0.06 + 0.06 * uniform(place, 1);
        double phase = period * uniform(place, 2);
        long cycleKey = Noise.key(seed, thingId + "/cycle");
        long noiseKey = Noise.key(seed, datastreamId);
        return moment -> {
            double position = (moment.hours() + phase) / period;
            long cycle = (long) StrictMath.floor(position);
            double within = position - cycle;
            double low = 8 + 27 * uniform(cycleKey, 2 * cycle);
            double high = 70 + 25 * uniform(cycleKey, 2 * cycle + 1);
            double nextLow = 8 + 27 * uniform(cycleKey, 2 * (cycle + 1));
            double level;
            if (within < fillShare) {
                double filled = within / fillShare;
                level = low + (high - low) * filled * filled * (3 - 2 * filled);
            } else {
                level = high + (nextLow - high) * (within - fillShare) / (1 - fillShare);
            }
            return round(clamp(level + 0.15 * gaussian(noiseKey, moment.epochMillis()), 0, 100), 1);
        };
    }

    /** A plant's electric power draw: steady production with slow swings and, rarely, a trip of a few hours. */
    static Series powerDraw(long seed, String thingId, String datastreamId) {
        long place = Noise.key(seed, thingId);
        double base = 1.5 * StrictMath.exp(2.9 * uniform(place, 0));
        long loadKey = Noise.key(seed, thingId + "/load");
        long tripKey = Noise.key(seed, thingId + "/trip");
        long noiseKey = Noise.key(seed, datastreamId);
        return moment -> {
            double hours = moment.hours();
            double load = 0.82 + 0.1 * smooth(loadKey, hours / 8.0)
                    + 0.04 * StrictMath.cos(2 * StrictMath.PI * (moment.hour() - 13) / 24)
                    + (moment.dayOfWeek() <= 5 ? 0.03 : 0);
            long day = (long) StrictMath.floor(hours / 24);
            for (long d = day - 1; d <= day; d++) {
                if (uniform(tripKey, 3 * d) < 0.012) {
                    double start = (d + uniform(tripKey, 3 * d + 1)) * 24;
                    double duration = 2 + 6 * uniform(tripKey, 3 * d + 2);
                    if (hours >= start && hours < start + duration) {
                        load *= 0.15;
                    }
                }
            }
            return round(Math.max(0, base * load * (1 + 0.015 * gaussian(noiseKey, moment.epochMillis()))), 2);
        };
    }

    /** Wind at the mast's height, about 60 m, where it blows some 40 % harder than at 10 m. */
    static Series windSpeed(long seed, String datastreamId) {
        long noiseKey = Noise.key(seed, datastreamId);
        return moment -> round(Math.max(0, moment.windSpeed() * 1.43 * (1 + 0.12 * gaussian(noiseKey, moment.epochMillis()))), 1);
    }

    static Series windDirection(long seed, String datastreamId) {
        long noiseKey = Noise.key(seed, datastreamId);
        return moment -> SimulatedWeather.degrees(round(moment.windDirection() + 10 * gaussian(noiseKey, moment.epochMillis()), 0));
    }

    /** The Rhine: high in winter and early spring, low in late summer, with waves of rain upstream over days. */
    static Series riverLevel(long seed, String datastreamId) {
        long waveKey = Noise.key(seed, datastreamId + "/wave");
        long surgeKey = Noise.key(seed, datastreamId + "/surge");
        long noiseKey = Noise.key(seed, datastreamId);
        return moment -> {
            double hours = moment.hours();
            double level = 260 + 140 * moment.winter() + 120 * smooth(waveKey, hours / 192.0)
                    + 35 * smooth(surgeKey, hours / 40.0) + 0.6 * gaussian(noiseKey, moment.epochMillis());
            return round(Math.max(80, level), 0);
        };
    }
}
