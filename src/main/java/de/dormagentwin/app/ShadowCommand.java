package de.dormagentwin.app;

import de.dormagentwin.model.text.SmallTextFile;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.io.PlanningVariantReader;
import de.dormagentwin.model.io.TerrainReader;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.model.sun.SunHours;
import de.dormagentwin.model.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code twin shadow}: hours of direct sun on a grid over an area for one day, with and without a planning variant,
 * as CSV in the model's CRS. The engine is {@link SunHours}; this reads the files, checks what the user typed before
 * anything large is allocated, and writes the file whole or not at all.
 */
@Command(name = "shadow", description = "Hours of direct sun per ground cell over one day, with and without a planning variant, as CSV.")
final class ShadowCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(ShadowCommand.class.getName());
    /** Finer than this the grid says more than the models know; coarser, it is no study of a garden. */
    static final double FINEST_CELL = 0.25;
    static final double COARSEST_CELL = 100;
    /** A variant's loss is worth reporting from a minute on: below that, a cell's edge merely moved. */
    private static final double LOSS_HOURS = 1 / 60.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", arity = "1..*", paramLabel = "FILE", description = "City model files, and folders of them; others are brought into the first one's CRS (default: the bundled sample).")
    List<Path> models;

    @Option(names = "--variant", paramLabel = "FILE", description = "A planning variant (GeoJSON): adds the columns hoursWithVariant and difference.")
    Path variant;

    @Option(names = "--terrain", paramLabel = "FILE", description = "Terrain (.asc, .xyz, .xyz.gz) (default: the NAME.terrain.asc beside the first model, if any).")
    Path terrain;

    @Option(names = "--no-terrain", description = "A flat ground at the models' ground height, not even the terrain beside them.")
    boolean noTerrain;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day, in Europe/Berlin, e.g. 2027-03-21.")
    String date;

    @Option(names = "--bbox", required = true, paramLabel = "minE,minN,maxE,maxN", description = "The area, in the models' CRS.")
    String bbox;

    @Option(names = "--cell", defaultValue = "2", paramLabel = "METRES", description = "The cell size in metres (default ${DEFAULT-VALUE}).")
    double cell;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV to write: east,north,hours[,hoursWithVariant,difference].")
    Path out;

    @Override
    public Integer call() throws IOException {
        LocalDate day = parseDate();
        double[] area = parseBbox();
        if (!(cell >= FINEST_CELL && cell <= COARSEST_CELL)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "--cell must be between %s and %s metres, not %s",
                    FINEST_CELL, COARSEST_CELL, cell));
        }
        long cells = SunHours.cellCount(area, cell);
        if (cells > SunHours.MAX_CELLS) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--bbox at --cell %s would make %,d cells, more than the %,d a study may have: a smaller area or a larger cell",
                    cell, cells, SunHours.MAX_CELLS));
        }
        if (noTerrain && terrain != null) {
            throw new ParameterException(spec.commandLine(), "--terrain and --no-terrain contradict each other");
        }
        List<Path> files = models == null || models.isEmpty() ? List.of(ModelFiles.sample()) : models;
        Inputs inputs;
        try {
            inputs = read(files);
        } catch (IOException e) {
            System.err.println("twin: " + SafeText.of(String.valueOf(e.getMessage()), 1_000));
            return 1;
        }
        double[] extent = inputs.extent();
        if (extent != null && (area[2] < extent[0] || area[0] > extent[3] || area[3] < extent[1] || area[1] > extent[4])) {
            LOG.log(System.Logger.Level.WARNING, "the area " + SafeText.of(bbox, 200) + " lies outside the models' extent: every cell will have the whole day");
        }
        Occluders occluders = Occluders.of(inputs.models(), inputs.terrain(), inputs.variant());
        SunHours hours = SunHours.of(occluders, day, area, cell);
        write(hours, out);
        System.out.println(summary(hours, occluders, out));
        return inputs.skipped() > 0 ? 1 : 0;
    }

    private LocalDate parseDate() {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--date must be a day such as 2027-03-21, not '" + SafeText.of(date, 100) + "'");
        }
    }

    private double[] parseBbox() {
        try {
            ModelSelection.Box box = ModelSelection.Box.parse(bbox);
            return new double[] {box.minEast(), box.minNorth(), box.maxEast(), box.maxNorth()};
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The files as the engine needs them; the first message that stops the study as an IOException. */
    private record Inputs(List<CityModel> models, TerrainGrid terrain, PlanningVariant variant, int skipped) {
        /** [minE, minN, minZ, maxE, maxN, maxZ] over the models, null where they have no points. */
        double[] extent() {
            double[] all = null;
            for (CityModel model : models) {
                double[] own = model.extent();
                if (Double.isNaN(own[0])) {
                    continue;
                }
                if (all == null) {
                    all = own.clone();
                }
                for (int axis = 0; axis < 3; axis++) {
                    all[axis] = Math.min(all[axis], own[axis]);
                    all[axis + 3] = Math.max(all[axis + 3], own[axis + 3]);
                }
            }
            return all;
        }
    }

    private Inputs read(List<Path> files) throws IOException {
        List<String> failures = new ArrayList<>();
        List<CityModel> read = ModelFiles.readAligned(files, failures);
        if (!failures.isEmpty()) {
            throw new IOException(String.join("; ", failures));
        }
        int skipped = read.stream().mapToInt(CityModel::skippedObjects).sum();
        TerrainGrid grid = null;
        if (!noTerrain) {
            Path file = terrain;
            if (file == null && Files.isRegularFile(TerrainFiles.besideModel(files.get(0)))) {
                file = TerrainFiles.besideModel(files.get(0));
            }
            if (file != null) {
                grid = TerrainReader.read(file);
            }
        }
        PlanningVariant plan = null;
        if (variant != null) {
            try {
                plan = PlanningVariantReader.read(variant, OptionalDouble.empty());
            } catch (IllegalArgumentException e) {
                throw new IOException(variant + ": " + e.getMessage(), e);
            }
        }
        return new Inputs(List.copyOf(read), grid, plan, skipped);
    }

    /** Written beside the target and moved over it, so that a reader never sees half a file and a failure leaves the old one. */
    static void write(SunHours hours, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path draft = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
                boolean variant = hours.hoursWithVariant() != null;
                writer.write(variant ? "east,north,hours,hoursWithVariant,difference\n" : "east,north,hours\n");
                StringBuilder line = new StringBuilder(64);
                for (int row = 0; row < hours.rows(); row++) {
                    for (int column = 0; column < hours.columns(); column++) {
                        int index = row * hours.columns() + column;
                        line.setLength(0);
                        line.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f", hours.east(column), hours.north(row), hours.hours()[index]));
                        if (variant) {
                            line.append(String.format(Locale.ROOT, ",%.3f,%.3f", hours.hoursWithVariant()[index], hours.difference()[index]));
                        }
                        writer.write(line.append('\n').toString());
                    }
                }
            }
            SmallTextFile.moveIntoPlace(draft, target);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /**
     * One line: what was written, the day, the mean, and with a variant the largest loss and on how many cells; the
     * cells it stands on lose all their sun to its roof, and are left out of that.
     */
    static String summary(SunHours hours, Occluders occluders, Path out) {
        double sum = 0;
        for (float value : hours.hours()) {
            sum += value;
        }
        long dayMinutes = Math.round(hours.dayLengthHours() * 60);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "wrote %s: %,d cells of %s m, day length %d h %02d min, mean %.1f h of sun",
                out, hours.cells(), format(hours.cellSize()), dayMinutes / 60, dayMinutes % 60, sum / Math.max(1, hours.cells())));
        if (hours.difference() != null) {
            double largest = 0;
            long losing = 0;
            for (int row = 0; row < hours.rows(); row++) {
                for (int column = 0; column < hours.columns(); column++) {
                    float difference = hours.difference()[row * hours.columns() + column];
                    if (difference < -LOSS_HOURS && !occluders.onVariantFootprint(hours.east(column), hours.north(row))) {
                        losing++;
                        largest = Math.max(largest, -difference);
                    }
                }
            }
            text.append(losing == 0 ? "; the variant takes no sun from any cell"
                    : String.format(Locale.ROOT, "; the variant takes up to %.1f h of sun from %,d cells", largest, losing));
        }
        return text.toString();
    }

    private static String format(double metres) {
        return metres == Math.rint(metres) ? Long.toString((long) metres) : Double.toString(metres);
    }
}
