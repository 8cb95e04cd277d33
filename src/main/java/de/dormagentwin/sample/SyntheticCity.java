package de.dormagentwin.sample;

import de.dormagentwin.sample.BuildingWriter.BuildingKind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic CityJSONSeq city of any size for load benchmarks: LoD 2.2 buildings
 * on a square grid of 30 m lots, with the same building generator as the Dormagen sample.
 * Buildings are produced and written one at a time, so memory use does not grow with the
 * building count.
 */
public final class SyntheticCity {

    private static final double LOT_PITCH_METRES = 30.0;
    private static final double FIRST_LOT_EASTING = 341_000.0;
    private static final double FIRST_LOT_NORTHING = 5_655_000.0;
    private static final double GROUND_HEIGHT = 40.0;
    private static final double[] TRANSLATE = {340_000.0, 5_654_000.0, 0.0};

    private SyntheticCity() {
    }

    /** Writes {@code buildingCount} buildings to a file; the same seed gives the same bytes. */
    public static void write(Path out, int buildingCount, long seed) throws IOException {
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            write(output, buildingCount, seed);
        }
    }

    /** Writes {@code buildingCount} buildings to a stream, which is flushed but left open. */
    public static void write(OutputStream out, int buildingCount, long seed) throws IOException {
        if (buildingCount < 0) {
            throw new IllegalArgumentException("buildingCount must not be negative: " + buildingCount);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int columns = Math.max(1, (int) Math.ceil(Math.sqrt(buildingCount)));
        try (CityJsonSequenceWriter writer = new CityJsonSequenceWriter(out, TRANSLATE)) {
            writer.writeHeader(metadata(buildingCount, seed));
            for (int index = 0; index < buildingCount; index++) {
                double lotCentreEasting = FIRST_LOT_EASTING + (index % columns + 0.5) * LOT_PITCH_METRES;
                double lotCentreNorthing = FIRST_LOT_NORTHING + (index / columns + 0.5) * LOT_PITCH_METRES;
                writer.writeFeature(building(random, index, lotCentreEasting, lotCentreNorthing));
            }
        }
    }

    private static CityObjectRecord building(SplittableRandom random, int index, double lotCentreEasting,
            double lotCentreNorthing) {
        double kindDraw = random.nextDouble();
        BuildingKind kind = kindDraw < 0.8 ? BuildingKind.HOUSE
                : kindDraw < 0.95 ? BuildingKind.APARTMENT_BLOCK : BuildingKind.COMMERCIAL;
        double sideAlongStreet = switch (kind) {
            case HOUSE -> 8.0 + 6.0 * random.nextDouble();
            case APARTMENT_BLOCK, COMMERCIAL -> 18.0 + 8.0 * random.nextDouble();
        };
        double sideAcrossStreet = switch (kind) {
            case HOUSE -> 9.0 + 4.0 * random.nextDouble();
            case APARTMENT_BLOCK -> 12.0 + 3.0 * random.nextDouble();
            case COMMERCIAL -> 16.0 + 8.0 * random.nextDouble();
        };
        // The leftover lot space lets a building sit off-centre without reaching its neighbours.
        double slackAlong = (LOT_PITCH_METRES - 3.0 - sideAlongStreet) / 2.0;
        double slackAcross = (LOT_PITCH_METRES - 3.0 - sideAcrossStreet) / 2.0;
        double centreEasting = lotCentreEasting + slackAlong * (2.0 * random.nextDouble() - 1.0);
        double centreNorthing = lotCentreNorthing + slackAcross * (2.0 * random.nextDouble() - 1.0);
        Footprint footprint = Footprint.withRidgeAlongLongerSide(centreEasting, centreNorthing,
                sideAlongStreet, sideAcrossStreet, 0.0);
        BuildingWriter.Design design = BuildingWriter.randomDesign(random, kind, footprint, GROUND_HEIGHT, 4);
        String id = String.format(Locale.ROOT, "synthetic-b%06d", index + 1);
        return BuildingWriter.building(id, design, kind.function(), Map.of());
    }

    private static Map<String, Object> metadata(int buildingCount, long seed) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", "Synthetic city of " + buildingCount + " buildings (benchmark)");
        metadata.put("referenceSystem", DormagenSample.REFERENCE_SYSTEM);
        metadata.put("referenceDate", DormagenSample.REFERENCE_DATE);
        metadata.put("synthetic", true);
        metadata.put("seed", seed);
        metadata.put("note", "Generated load-test data on a regular grid; no real place is depicted.");
        return metadata;
    }
}
