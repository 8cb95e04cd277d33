package de.dormagentwin.app;

import de.dormagentwin.model.geo.CrsTransform;
import de.dormagentwin.model.io.CityFeature;
import de.dormagentwin.model.io.CityGmlReader;
import de.dormagentwin.model.io.CityJsonSeqWriter;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.model.io.ModelInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code twin import}: CityGML tiles to one CityJSONSeq file, a building with its parts to a line. Both sides stream,
 * so a folder of 160 MB tiles converts in the memory of one building; the result loads faster than the tiles and
 * is what the other tools of the project read.
 */
@Command(name = "import", description = "Convert CityGML files (NRW's LoD2 tiles) to one CityJSONSeq file. "
        + "Exit 0 when all loaded cleanly, 1 when some objects had problems (they are left out and named on stderr).")
final class ImportCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(ImportCommand.class.getName());

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CityJSONSeq file to write (.city.jsonl).")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "TILE", description = "CityGML files (.gml, .xml) or folders of them.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        try {
            for (Path input : inputs) {
                ModelFiles.requireFileOrFolder(input);
            }
            ModelInput.requireRegularFile(out);
        } catch (IOException e) {
            System.err.println("twin: " + e.getMessage());
            return 1;
        }
        List<Path> tiles = tiles();
        for (Path tile : tiles) {
            if (sameFile(tile, out)) {
                System.err.println("twin: --out " + out + " is the input " + tile + ": it would be overwritten; name another file");
                return 2;
            }
        }
        List<String> problems = new ArrayList<>();
        CrsAlignment crs = new CrsAlignment();
        Set<String> ids = new HashSet<>();
        int features = 0;
        int objects = 0;
        // Written beside the output and moved into place only when complete: a failed import leaves the old file, or none.
        Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName() + ".", ".part");
        boolean moved = false;
        try (CityJsonSeqWriter writer = new CityJsonSeqWriter(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
            for (Path tile : tiles) {
                try (CityGmlReader reader = CityGmlReader.open(tile)) {
                    CrsTransform transform = null;
                    boolean first = true;
                    while (reader.hasNext()) {
                        CityFeature feature = reader.next();
                        if (first) {
                            // Known once a feature has been read; a file in another CRS than the first is written in the first's.
                            first = false;
                            transform = crs.transformFor(reader.fileName(), reader.referenceSystem());
                        }
                        if (transform != null) {
                            double[] vertices = Arrays.copyOf(feature.vertices(), feature.vertexCount() * 3);
                            transform.apply(vertices, feature.vertexCount());
                            feature = new CityFeature(feature.objects(), vertices, feature.vertexCount());
                        }
                        if (!ids.add(feature.root().id())) {
                            problems.add(reader.fileName() + ": object `" + feature.root().id() + "` was in an earlier file too; the second was skipped");
                            continue;
                        }
                        if (!writer.headerWritten()) {
                            writer.writeHeader(translate(feature), crs.referenceSystem(), metadata(tiles, reader));
                        }
                        writer.write(feature);
                        features++;
                        objects += feature.objects().size();
                    }
                    problems.addAll(reader.problems());
                    // A CityJSONSeq holds no textures either: what was not carried over is said, as info says it.
                    reader.notes().forEach(note -> LOG.log(System.Logger.Level.INFO, note));
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!writer.headerWritten()) {
                writer.writeHeader(new double[3], null, Map.of());
            }
            writer.close();
            // Where every tile failed, an empty model would stand for a conversion that did not happen, and in place
            // of an earlier output it would lose that too.
            if (features > 0 || problems.isEmpty()) {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
                moved = true;
            }
        } finally {
            if (!moved) {
                Files.deleteIfExists(partial);
            }
        }
        problems.forEach(problem -> LOG.log(System.Logger.Level.WARNING, problem));
        if (!moved) {
            System.err.println("twin: nothing imported; " + out + " was left as it was");
            return 1;
        }
        String transformed = crs.summary();
        System.out.printf("%s: %,d features (%,d objects) from %d file%s; %d problem%s%s%n", out, features, objects, tiles.size(),
                tiles.size() == 1 ? "" : "s", problems.size(), problems.size() == 1 ? "" : "s", transformed == null ? "" : "; " + transformed);
        return problems.isEmpty() ? 0 : 1;
    }

    /** The named files, and the CityGML files of the named folders, in order. */
    private List<Path> tiles() throws IOException {
        List<Path> tiles = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path file : ModelFiles.modelFilesIn(input)) {
                    if (CityModelReader.format(file) == CityModelReader.Format.CITY_GML) {
                        tiles.add(file);
                    }
                }
            } else {
                tiles.add(input);
            }
        }
        return tiles;
    }

    /** Whether two paths name one file, however spelled or linked; false where either does not exist. */
    private static boolean sameFile(Path a, Path b) throws IOException {
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }

    /** The kilometre corner below the first feature: integers stay small, and every tile of a city shares it. */
    private static double[] translate(CityFeature feature) {
        double[] corner = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int v = 0; v < feature.vertexCount(); v++) {
            for (int axis = 0; axis < 3; axis++) {
                corner[axis] = Math.min(corner[axis], feature.vertices()[v * 3 + axis]);
            }
        }
        if (feature.vertexCount() == 0) {
            return new double[3];
        }
        return new double[]{Math.floor(corner[0] / 1000) * 1000, Math.floor(corner[1] / 1000) * 1000, 0};
    }

    private static Map<String, Object> metadata(List<Path> tiles, CityGmlReader first) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", tiles.size() == 1 ? first.metadata().getOrDefault("title", first.fileName())
                : tiles.size() + " CityGML files, " + tiles.get(0).getFileName() + " to " + tiles.get(tiles.size() - 1).getFileName());
        return metadata;
    }

}
