package de.dormagentwin.app;

import de.dormagentwin.model.text.SmallTextFile;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonWriter;
import de.dormagentwin.model.io.ModelInput;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.scene.GlbExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code twin export}: the model, or part of it, as glTF binary or CityJSON for other tools. */
@Command(name = "export", description = "Write the model, or the objects in an area or of given ids, as glTF 2.0 binary (.glb) "
        + "or CityJSON 2.0 (.city.json). Exit 0 when written, 1 when the input had problems or nothing was selected, 2 on wrong usage.")
final class ExportCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(ExportCommand.class.getName());

    /** What a file name asks for. */
    enum Format {
        GLB, CITY_JSON;

        /** By the name's ending, or null where it is neither .glb nor .city.json (nor .json). */
        static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".glb")) {
                return GLB;
            }
            return name.endsWith(".json") && !name.endsWith(".geojson") ? CITY_JSON : null;
        }
    }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write: FILE.glb (glTF 2.0 binary) or FILE.city.json (CityJSON 2.0).")
    Path out;

    @Option(names = "--model", arity = "1..*", paramLabel = "FILE", description = "City model files or folders (default: the bundled sample).")
    List<Path> models;

    @Option(names = "--bbox", paramLabel = "minE,minN,maxE,maxN", description = "Keep the objects in this area, in the models' CRS: a "
            + "building with its parts is kept when the plan bounding box of all their geometry meets the box.")
    String bbox;

    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "Keep these objects and their parts (a building with its BuildingParts). "
            + "With --bbox, only those of them in the area.")
    List<String> ids;

    @Option(names = "--lod", description = "Level of detail for the glTF (default: each object's highest); CityJSON keeps every level.")
    LodChoice lod = LodChoice.HIGHEST;

    @Override
    public Integer call() {
        Format format = Format.of(out);
        if (format == null) {
            System.err.println("twin: --out " + SafeText.of(out.toString(), 300) + ": name a .glb (glTF binary) or .city.json (CityJSON) file");
            return 2;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            System.err.println("twin: --out " + SafeText.of(out.toString(), 300) + ": the folder " + SafeText.of(String.valueOf(folder), 300)
                    + " does not exist");
            return 2;
        }
        ModelSelection.Box box;
        try {
            box = bbox == null ? null : ModelSelection.Box.parse(bbox);
            ModelInput.requireRegularFile(out);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("twin: " + e.getMessage());
            return 2;
        }
        List<Path> files = models == null || models.isEmpty() ? List.of(ModelFiles.sample()) : models;
        for (Path file : files) {
            if (sameFile(file, out)) {
                System.err.println("twin: --out " + SafeText.of(out.toString(), 300) + " is the input " + SafeText.of(file.toString(), 300)
                        + ": it would be overwritten; name another file");
                return 2;
            }
        }
        List<String> named = ids == null ? null : ids.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
        if (named != null && named.isEmpty()) {
            System.err.println("twin: --ids names no id; give them as ID,ID,...");
            return 2;
        }
        List<String> failures = new ArrayList<>();
        List<CityModel> loaded = ModelFiles.readAligned(files, failures);
        failures.forEach(failure -> System.err.println("twin: " + SafeText.of(failure, 1_000)));
        if (loaded.isEmpty()) {
            System.err.println("twin: no model loaded; nothing written");
            return 1;
        }
        List<CityModel> selected;
        try {
            selected = ModelSelection.select(loaded, box, named);
        } catch (ModelSelection.SelectionException e) {
            System.err.println("twin: " + e.getMessage() + "; nothing written");
            return 1;
        }
        try {
            System.out.println(write(selected, format, lod, box, out));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "export failed", e);
            System.err.println("twin: could not write " + SafeText.of(out.toString(), 300) + ": " + SafeText.of(String.valueOf(e.getMessage()), 300));
            return 1;
        }
        boolean problems = !failures.isEmpty() || loaded.stream().anyMatch(model -> model.skippedObjects() > 0);
        return problems ? 1 : 0;
    }

    /** Whether two paths name one file, however spelled or linked; false where either does not exist or cannot be read. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the selection to a file beside {@code out} and moves it into place once complete, so that a failure leaves
     * the old file, or none, and never half of one. Returns what was written, in a line for the user.
     */
    static String write(List<CityModel> selected, Format format, LodChoice lod, ModelSelection.Box area, Path out) throws IOException {
        long start = System.nanoTime();
        Path target = out.toAbsolutePath();
        // Not Files.createTempFile, whose file only its owner may read: the export keeps the permissions any new file gets.
        Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        boolean moved = false;
        String summary;
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                if (format == Format.GLB) {
                    double[] centre = area == null ? null : new double[]{(area.minEast() + area.maxEast()) / 2, (area.minNorth() + area.maxNorth()) / 2};
                    GlbExport.Written written = GlbExport.write(selected, lod, centre, stream);
                    summary = String.format(Locale.ROOT, "%,d nodes, %,d triangles, origin %s", written.nodes(), written.triangles(),
                            Arrays.toString(written.origin()));
                } else {
                    CityJsonWriter.write(stream, selected);
                    summary = String.format(Locale.ROOT, "%,d objects", selected.stream().mapToInt(model -> model.objects().size()).sum());
                }
            }
            SmallTextFile.moveIntoPlace(partial, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(partial);
            }
        }
        return String.format(Locale.ROOT, "wrote %s: %s, %,d bytes in %.1f s", out, summary, Files.size(target), (System.nanoTime() - start) / 1e9);
    }
}
