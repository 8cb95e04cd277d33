package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.SafetyQuantities;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.ingest.SimulatedSensors.Box;
import de.dormagentwin.live.ingest.SimulatedSensors.Series;
import de.dormagentwin.live.ingest.SimulatedSensors.Stack;
import de.dormagentwin.live.ingest.SimulatedWeather.Moment;
import de.dormagentwin.model.Chempark;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.geo.Utm;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sample's default source: a believable sensor network for Dormagen and its CHEMPARK, bound to the objects of
 * the city model it is given, so that the viewer has live data without any server.
 *
 * <p>The network:
 * <ul>
 *   <li>{@value #ENVIRONMENT_BOXES} LoRaWAN environment boxes, shared out among the districts by their number of
 *       buildings and spread within each (one on the building nearest the centre of each of k clusters), each
 *       with temperature, humidity, CO2, PM10, PM2.5, noise and counts of pedestrians, bicycles, cars and lorries
 *       (in the 15 minutes before each observation, whatever the step): public, as a town's open-data sensors
 *       are.</li>
 *   <li>An emission monitor on every CHEMPARK stack (NOx and SO2 in mg/m³): partner. Operators report emissions
 *       to the authority and publish yearly figures, but live half-hourly values with their start-up spikes go to
 *       the town and the fire brigade, not to a kiosk where they would be read without context.</li>
 *   <li>A level gauge on every storage tank (%) and a power meter on every plant building (MW): confidential.
 *       Stocks and loads reveal production and what is stored where, which is both business and site security.</li>
 *   <li>A weather mast (wind speed and direction) on the tallest CHEMPARK structure that is not a stack, whose
 *       plume would disturb it: public, since wind is weather and the kiosk shows where a plume would drift.</li>
 *   <li>A gauge on the Rhine (water level, cm): public, like PEGELONLINE's gauges.</li>
 * </ul>
 * On the bundled sample this is 54 boxes with 540 datastreams, 15 stacks, 123 tanks, 30 plant buildings, one mast
 * and one gauge: 726 datastreams. A model without districts, a CHEMPARK or a river simply gets fewer.
 *
 * <p>Every value is a pure function of the seed, the datastream and the time: the town's weather, episodes of
 * stagnant air and rush hours come from noise keyed by the seed, each sensor adds noise of its own. A fetch at any
 * moment therefore continues the same series, and two caches filled from the same seed hold the same values.
 * History comes every 15 minutes; the last hour before now comes at the live step, which may be shorter, so that
 * a viewer can see values change every minute without a month of one-minute history.
 */
public final class Simulator implements Source {
    public static final String NAME = "simulator";
    /** The seed the viewer and {@code twin ingest --simulate} use: Dormagen's postcode. */
    public static final long DEFAULT_SEED = 41539;
    public static final int ENVIRONMENT_BOXES = 54;
    /** The spacing of the history, and the default live step. */
    public static final Duration HISTORY_STEP = Duration.ofMinutes(15);
    /** How far back from now observations come at the live step rather than the history step. */
    public static final Duration LIVE_WINDOW = Duration.ofHours(1);
    /** Observations handed to the sink at once: a backfill of a month streams in pages rather than one list. */
    static final int PAGE_SIZE = 2_000;

    private final Clock clock;
    private final Duration backfill;
    private final long stepMillis;
    private final long historyStepMillis;
    private final SimulatedWeather weather;
    /** Whether the model's coordinates are EPSG:25832, which the things' WGS84 positions are converted from. */
    private final boolean projected;
    private final List<Thing> things = new ArrayList<>();
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    private boolean registered;

    private record Stream(Datastream datastream, Series series) {
    }

    private record Site(String id, double x, double y) {
    }

    private record Quantity(String key, String label, String property, String sensor, String unitName, String unitSymbol) {
    }

    private static final String CLIMATE_SENSOR = "environment box climate sensor";
    private static final String COUNTER = "environment box traffic counter";
    private static final String PER_15_MINUTES = "1/15min";

    /**
     * @param model the city model the sensors are bound to; read once, not kept
     * @param seed  decides the character of every place and every value
     * @param clock what "now" is; history ends there
     * @param backfill how much history the first fetch writes for a datastream the cache has nothing of
     */
    public Simulator(CityModel model, long seed, Clock clock, Duration backfill) {
        this(model, seed, clock, backfill, HISTORY_STEP);
    }

    /**
     * @param step the spacing of the latest hour's observations: {@link #HISTORY_STEP} by default, a minute for a
     *             livelier viewer; history is never denser than {@link #HISTORY_STEP}
     */
    public Simulator(CityModel model, long seed, Clock clock, Duration backfill, Duration step) {
        if (backfill.isNegative()) {
            throw new IllegalArgumentException("backfill must not be negative, not " + backfill);
        }
        if (step.compareTo(Duration.ofSeconds(1)) < 0 || step.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("step must be between a second and a day, not " + step);
        }
        this.clock = clock;
        this.backfill = backfill;
        this.stepMillis = step.toMillis();
        this.historyStepMillis = Math.max(stepMillis, HISTORY_STEP.toMillis());
        this.weather = new SimulatedWeather(seed);
        this.projected = projectedInUtm32(model);
        addEnvironmentBoxes(model, seed);
        addChempark(model, seed);
        addRiverGauge(model, seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The simulated things, in the order they are registered. */
    public List<Thing> things() {
        return List.copyOf(things);
    }

    /** The simulated datastreams, in the order they are fetched. */
    public List<Datastream> datastreams() {
        return streams.values().stream().map(Stream::datastream).toList();
    }

    public int datastreamCount() {
        return streams.size();
    }

    /** What a datastream reads at a time, exactly as a fetch would store it. */
    public double value(String datastreamRemoteId, Instant time) {
        Stream stream = streams.get(datastreamRemoteId);
        if (stream == null) {
            throw new IllegalArgumentException("the simulator has no datastream " + datastreamRemoteId);
        }
        return stream.series().at(weather.at(time.toEpochMilli()));
    }

    /**
     * Registers the network on the first fetch, then writes for each datastream what lies after its newest cached
     * observation (or after now minus the backfill) up to now.
     */
    @Override
    public void fetch(Sink sink) throws IOException, InterruptedException {
        if (!registered) {
            for (Thing thing : things) {
                sink.thing(thing);
            }
            for (Stream stream : streams.values()) {
                sink.datastream(stream.datastream());
            }
            registered = true;
        }
        long now = clock.millis();
        long liveFrom = now - LIVE_WINDOW.toMillis();
        // Every datastream reads the same town at the same times: work the weather out once per time.
        Map<Long, Moment> moments = new HashMap<>();
        Page page = new Page(sink);
        for (Stream stream : streams.values()) {
            String remoteId = stream.datastream().remoteId();
            Optional<Instant> last = sink.lastTime(remoteId);
            long after = last.map(Instant::toEpochMilli).orElse(now - backfill.toMillis());
            for (long time = following(after, historyStepMillis); time <= liveFrom; time += historyStepMillis) {
                page.add(stream, moments.computeIfAbsent(time, weather::at));
            }
            for (long time = following(Math.max(after, liveFrom), stepMillis); time <= now; time += stepMillis) {
                page.add(stream, moments.computeIfAbsent(time, weather::at));
            }
        }
        page.flush();
    }

    /** The first multiple of {@code step} after {@code time}: every series is sampled on the same grid. */
    private static long following(long time, long step) {
        return Math.floorDiv(time, step) * step + step;
    }

    /** Observations on their way to the sink, handed over {@link #PAGE_SIZE} at a time. */
    private static final class Page {
        private final Sink sink;
        private List<Observation> observations = new ArrayList<>(PAGE_SIZE);

        Page(Sink sink) {
            this.sink = sink;
        }

        void add(Stream stream, Moment moment) throws IOException, InterruptedException {
            String remoteId = stream.datastream().remoteId();
            double value = stream.series().at(moment);
            Instant time = Instant.ofEpochMilli(moment.epochMillis());
            if (!Double.isFinite(value)) {
                sink.problem("no value for " + remoteId + " at " + time);
                return;
            }
            observations.add(Observation.number(NAME, remoteId, time, value));
            if (observations.size() == PAGE_SIZE) {
                flush();
            }
        }

        void flush() throws IOException, InterruptedException {
            if (!observations.isEmpty()) {
                sink.observations(observations);
                observations = new ArrayList<>(PAGE_SIZE);
            }
            // A month of backfill takes a while: let the ingest service stop it between pages.
            if (Thread.interrupted()) {
                throw new InterruptedException("simulator fetch interrupted");
            }
        }
    }

    // ---- the network ------------------------------------------------------------------------------------------

    private static final List<Quantity> BOX_QUANTITIES = List.of(
            new Quantity("temperature", "temperature", "air temperature", CLIMATE_SENSOR, "degree Celsius", "°C"),
            new Quantity("humidity", "humidity", "relative humidity", CLIMATE_SENSOR, "percent", "%"),
            new Quantity("co2", "CO2", "CO2 concentration", "environment box NDIR CO2 sensor", "parts per million", "ppm"),
            new Quantity("pm10", "PM10", "PM10 concentration", "environment box particle counter", "microgram per cubic metre", "µg/m³"),
            new Quantity("pm25", "PM2.5", "PM2.5 concentration", "environment box particle counter", "microgram per cubic metre", "µg/m³"),
            new Quantity("noise", "noise", "noise level", "environment box sound level meter", "decibel (A-weighted)", "dB(A)"),
            new Quantity("pedestrians", "pedestrians", "pedestrian count", COUNTER, "pedestrians per 15 minutes", PER_15_MINUTES),
            new Quantity("bikes", "bicycles", "bicycle count", COUNTER, "bicycles per 15 minutes", PER_15_MINUTES),
            new Quantity("cars", "cars", "car count", COUNTER, "cars per 15 minutes", PER_15_MINUTES),
            new Quantity("lorries", "lorries", "lorry count", COUNTER, "lorries per 15 minutes", PER_15_MINUTES));

    private void addEnvironmentBoxes(CityModel model, long seed) {
        Map<String, List<Site>> districts = new TreeMap<>();
        for (CityObject object : model.objects()) {
            String district = object.textAttribute("district");
            if ("Building".equals(object.type()) && district != null) {
                Site site = centre(model, object);
                if (site != null) {
                    districts.computeIfAbsent(district, name -> new ArrayList<>()).add(site);
                }
            }
        }
        Map<String, Integer> shares = share(districts, ENVIRONMENT_BOXES);
        for (Map.Entry<String, List<Site>> district : districts.entrySet()) {
            String name = district.getKey();
            List<Site> chosen = spread(district.getValue(), shares.get(name));
            for (int i = 0; i < chosen.size(); i++) {
                Site site = chosen.get(i);
                int number = i + 1;
                String thingId = "env-" + slug(name) + "-" + String.format(Locale.ROOT, "%02d", number);
                String thingName = "Environment box " + name + " " + number;
                addThing(thingId, thingName, "LoRaWAN environment box on building " + site.id() + " (simulated)",
                        Map.of("kind", "environment box", "network", "LoRaWAN", "district", name, "simulated", true),
                        site.id(), site);
                Box box = new Box(seed, thingId);
                List<Series> series = List.of(box::temperature, box::humidity, box::co2, box::pm10, box::pm25, box::noise,
                        box::pedestrians, box::bikes, box::cars, box::lorries);
                for (int q = 0; q < BOX_QUANTITIES.size(); q++) {
                    addStream(thingId, thingName, BOX_QUANTITIES.get(q), Classification.PUBLIC, series.get(q));
                }
            }
        }
    }

    private void addChempark(CityModel model, long seed) {
        List<CityObject> chempark = model.objects().stream()
                .filter(Chempark::contains)
                .sorted(Comparator.comparing(CityObject::id))
                .toList();
        int stacks = 0;
        int tanks = 0;
        int plants = 0;
        for (CityObject object : chempark) {
            Site site = centre(model, object);
            String function = object.textAttribute("function");
            if (site == null || function == null) {
                continue;
            }
            String plant = object.textAttribute("plant") == null ? object.id() : object.textAttribute("plant");
            switch (function) {
                case "stack" -> {
                    String thingId = String.format(Locale.ROOT, "stack-%03d", ++stacks);
                    String thingName = "Emission monitor " + stacks + ", " + plant;
                    addThing(thingId, thingName, "Continuous emission monitoring on stack " + object.id() + " (simulated)",
                            Map.of("kind", "emission monitor", "plant", plant, "simulated", true), object.id(), site);
                    Stack stack = new Stack(seed, thingId);
                    addStream(thingId, thingName, new Quantity("nox", "NOx", SafetyQuantities.NOX, "CEMS NOx analyser",
                            "milligram per cubic metre", "mg/m³"), Classification.PARTNER, stack::nox);
                    addStream(thingId, thingName, new Quantity("so2", "SO2", "SO2 concentration", "CEMS SO2 analyser",
                            "milligram per cubic metre", "mg/m³"), Classification.PARTNER, stack::so2);
                }
                case "storage tank" -> {
                    String thingId = String.format(Locale.ROOT, "tank-%03d", ++tanks);
                    String thingName = "Tank gauge " + tanks + ", " + plant;
                    addThing(thingId, thingName, "Radar level gauge on storage tank " + object.id() + " (simulated)",
                            Map.of("kind", "tank gauge", "plant", plant, "simulated", true), object.id(), site);
                    addStream(thingId, thingName, new Quantity("level", "fill level", "fill level", "radar level gauge",
                            "percent", "%"), Classification.CONFIDENTIAL, SimulatedSensors.tankLevel(seed, thingId, thingId + "/level"));
                }
                case "plant building" -> {
                    String thingId = String.format(Locale.ROOT, "power-%03d", ++plants);
                    String thingName = "Power meter " + plants + ", " + plant;
                    addThing(thingId, thingName, "Electricity meter of plant building " + object.id() + " (simulated)",
                            Map.of("kind", "power meter", "plant", plant, "simulated", true), object.id(), site);
                    addStream(thingId, thingName, new Quantity("power", "power draw", "electric power draw", "power meter",
                            "megawatt", "MW"), Classification.CONFIDENTIAL, SimulatedSensors.powerDraw(seed, thingId, thingId + "/power"));
                }
                default -> {
                    // Pipe racks, cranes, warehouses and control rooms carry no simulated sensor.
                }
            }
        }
        chempark.stream()
                .filter(object -> !"stack".equals(object.textAttribute("function")) && centre(model, object) != null)
                .max(Comparator.comparingDouble(Simulator::height).thenComparing(CityObject::id, Comparator.reverseOrder()))
                .ifPresent(mast -> {
                    String thingId = "weather-mast";
                    String thingName = "CHEMPARK weather mast";
                    addThing(thingId, thingName, "Ultrasonic anemometer on " + mast.id() + " (simulated)",
                            Map.of("kind", "weather mast", "simulated", true), mast.id(), centre(model, mast));
                    addStream(thingId, thingName, new Quantity("wind-speed", "wind speed", SafetyQuantities.WIND_SPEED, "ultrasonic anemometer",
                            "metre per second", "m/s"), Classification.PUBLIC, SimulatedSensors.windSpeed(seed, thingId + "/wind-speed"));
                    addStream(thingId, thingName, new Quantity("wind-direction", "wind direction", SafetyQuantities.WIND_DIRECTION, "ultrasonic anemometer",
                            "degree", "°"), Classification.PUBLIC, SimulatedSensors.windDirection(seed, thingId + "/wind-direction"));
                });
    }

    private void addRiverGauge(CityModel model, long seed) {
        List<CityObject> waters = model.objects().stream()
                .filter(object -> "WaterBody".equals(object.type()))
                .sorted(Comparator.comparing(CityObject::id))
                .toList();
        for (CityObject river : waters) {
            Site site = midstream(model, river);
            if (site != null) {
                String riverName = river.textAttribute("name") == null ? river.id() : river.textAttribute("name");
                String thingId = "rhine-gauge";
                String thingName = "Gauge " + riverName + " Dormagen";
                // A gauge is a point in the river, not the river: where its position is known it stands on its own.
                addThing(thingId, thingName, "Water level gauge in " + river.id() + " (simulated)",
                        Map.of("kind", "river gauge", "simulated", true), projected ? null : river.id(), site);
                addStream(thingId, thingName, new Quantity("level", "water level", "water level", "river gauge",
                        "centimetre", "cm"), Classification.PUBLIC, SimulatedSensors.riverLevel(seed, thingId + "/level"));
                return;
            }
        }
    }

    /** Adds a thing bound to a city object, placed at a site of it (in WGS84 where the model's CRS allows). */
    private void addThing(String thingId, String thingName, String description, Map<String, Object> properties,
                          String objectId, Site site) {
        double longitude = Double.NaN;
        double latitude = Double.NaN;
        if (projected) {
            double[] position = Utm.etrs89Utm32ToWgs84(site.x(), site.y());
            latitude = position[0];
            longitude = position[1];
        }
        things.add(new Thing(NAME, thingId, thingName, description, properties, objectId, longitude, latitude));
    }

    private void addStream(String thingId, String thingName, Quantity quantity, Classification classification, Series series) {
        String remoteId = thingId + "/" + quantity.key();
        streams.put(remoteId, new Stream(new Datastream(NAME, remoteId, thingId, thingName + ": " + quantity.label(),
                quantity.property(), quantity.sensor(), quantity.unitName(), quantity.unitSymbol(), classification), series));
    }

    /** Positions convert to WGS84 only from EPSG:25832, the CRS of the sample; other models get things without one. */
    private static boolean projectedInUtm32(CityModel model) {
        String crs = model.referenceSystem();
        return crs != null && crs.endsWith("25832");
    }

    private static double height(CityObject object) {
        return object.attributes().get("measuredHeight") instanceof Number number ? number.doubleValue() : 0;
    }

    /** The middle of an object's footprint (the centre of its vertices' extent), or null when it has no vertices. */
    private static Site centre(CityModel model, CityObject object) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Geometry geometry : object.geometries()) {
            for (int i = 0; i < geometry.vertexIndexCount(); i++) {
                int vertex = geometry.vertexIndex(i);
                minX = Math.min(minX, model.x(vertex));
                maxX = Math.max(maxX, model.x(vertex));
                minY = Math.min(minY, model.y(vertex));
                maxY = Math.max(maxY, model.y(vertex));
            }
        }
        return minX <= maxX ? new Site(object.id(), (minX + maxX) / 2, (minY + maxY) / 2) : null;
    }

    /**
     * A point in the river: the centre of the middle surface of its first geometry. The centre of a winding river's
     * extent can lie on land.
     */
    private static Site midstream(CityModel model, CityObject river) {
        for (Geometry geometry : river.geometries()) {
            if (geometry.surfaceCount() == 0) {
                continue;
            }
            int ring = geometry.firstRing(geometry.surfaceCount() / 2);
            double x = 0;
            double y = 0;
            int count = geometry.endVertex(ring) - geometry.firstVertex(ring);
            for (int i = geometry.firstVertex(ring); i < geometry.endVertex(ring); i++) {
                x += model.x(geometry.vertexIndex(i));
                y += model.y(geometry.vertexIndex(i));
            }
            if (count > 0) {
                return new Site(river.id(), x / count, y / count);
            }
        }
        return null;
    }

    /**
     * Shares {@code total} boxes among the districts in proportion to their buildings (largest remainder), at
     * least one each.
     */
    private static Map<String, Integer> share(Map<String, List<Site>> districts, int total) {
        int buildings = districts.values().stream().mapToInt(List::size).sum();
        Map<String, Integer> shares = new TreeMap<>();
        Map<String, Double> remainders = new TreeMap<>();
        int given = 0;
        for (Map.Entry<String, List<Site>> district : districts.entrySet()) {
            double quota = (double) total * district.getValue().size() / buildings;
            int share = Math.min(district.getValue().size(), Math.max(1, (int) quota));
            shares.put(district.getKey(), share);
            remainders.put(district.getKey(), quota - share);
            given += share;
        }
        List<String> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort(Comparator.comparing(remainders::get).reversed());
        for (int i = 0; given < total && i < byRemainder.size(); i++) {
            String name = byRemainder.get(i);
            if (shares.get(name) < districts.get(name).size()) {
                shares.merge(name, 1, Integer::sum);
                given++;
            }
        }
        return shares;
    }

    /**
     * Picks {@code count} buildings spread over a district: k-means over the building centres (seeded by the
     * building nearest the district's middle, then farthest-point), then the building nearest each cluster's
     * centre. Clusters follow where buildings are dense, as a town puts its sensors where people live. Numbered
     * from north to south.
     */
    private static List<Site> spread(List<Site> buildings, int count) {
        List<Site> sites = new ArrayList<>(buildings);
        sites.sort(Comparator.comparing(Site::id));
        double meanX = sites.stream().mapToDouble(Site::x).average().orElse(0);
        double meanY = sites.stream().mapToDouble(Site::y).average().orElse(0);
        double[][] centres = new double[count][];
        centres[0] = position(nearest(sites, meanX, meanY, List.of()));
        for (int c = 1; c < count; c++) {
            Site farthest = null;
            double farthestDistance = -1;
            for (Site site : sites) {
                double distance = Double.POSITIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    distance = Math.min(distance, squaredDistance(site, centres[k]));
                }
                if (distance > farthestDistance) {
                    farthestDistance = distance;
                    farthest = site;
                }
            }
            centres[c] = position(farthest);
        }
        for (int iteration = 0; iteration < 12; iteration++) {
            double[][] sums = new double[count][3];
            for (Site site : sites) {
                int closest = 0;
                for (int k = 1; k < count; k++) {
                    if (squaredDistance(site, centres[k]) < squaredDistance(site, centres[closest])) {
                        closest = k;
                    }
                }
                sums[closest][0] += site.x();
                sums[closest][1] += site.y();
                sums[closest][2]++;
            }
            for (int k = 0; k < count; k++) {
                if (sums[k][2] > 0) {
                    centres[k] = new double[] {sums[k][0] / sums[k][2], sums[k][1] / sums[k][2]};
                }
            }
        }
        List<Site> chosen = new ArrayList<>();
        for (double[] centre : centres) {
            chosen.add(nearest(sites, centre[0], centre[1], chosen));
        }
        chosen.sort(Comparator.comparingDouble(Site::y).reversed().thenComparingDouble(Site::x));
        return chosen;
    }

    private static Site nearest(List<Site> sites, double x, double y, List<Site> taken) {
        Site best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Site site : sites) {
            double distance = squaredDistance(site, new double[] {x, y});
            if (distance < bestDistance && !taken.contains(site)) {
                bestDistance = distance;
                best = site;
            }
        }
        return best;
    }

    private static double[] position(Site site) {
        return new double[] {site.x(), site.y()};
    }

    private static double squaredDistance(Site site, double[] point) {
        double dx = site.x() - point[0];
        double dy = site.y() - point[1];
        return dx * dx + dy * dy;
    }

    /** "Stürzelberg" -> "stuerzelberg", "Dormagen-Mitte" -> "mitte": the town's name adds nothing inside the town. */
    private static String slug(String district) {
        String lower = district.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String slug = lower.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.startsWith("dormagen-") ? slug.substring("dormagen-".length()) : slug;
    }
}
