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
 * {@code twin import}: CityGML tiles to one CityJSONSeq file, a building with its parts to a line. The tiles are read
 * ahead on every core, a few at a time and each whole, and written in their order; a tile too large to hold beside
 * the others streams, so a folder of 160 MB tiles still converts in a small heap. The result loads faster than the
 * tiles and is what the other tools of the project read.
 */
@Command(name = "import", description = "Convert CityGML files (NRW's LoD2 tiles) to one CityJSONSeq file. "
        + "Exit 0 when all loaded cleanly, 1 when some objects had problems (they are left out and named on stderr).")
final class ImportCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(ImportCommand.class.getName());

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CityJSONSeq file to write (.city.jsonl).")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "TILE", description = "CityGML files (.gml, .xml) or folders of them.")
    List<Path> inputs;

    /** How far tiles are read ahead; a tile above its bytes per thread streams on the writing thread instead. */
    OrderedReads.Limits limits = OrderedReads.Limits.cores();

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
        Output output = new Output(tiles);
        List<String> problems = output.problems;
        // Written beside the output and moved into place only when complete: a failed import leaves the old file, or none.
        Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName() + ".", ".part");
        boolean moved = false;
        long largest = limits.bytes() / limits.window();
        try {
            // Closed, and so flushed, before it is moved into place.
            try (CityJsonSeqWriter writer = new CityJsonSeqWriter(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16));
                 OrderedReads<Path, ReadTile> reads = new OrderedReads<>(tiles, limits, OrderedReads::fileSize, tile -> readAhead(tile, largest))) {
                output.writer = writer;
                for (Path tile : tiles) {
                    ReadTile read = reads.next();
                    if (read == null) {
                        problems.addAll(readTile(tile, output::write));
                        continue;
                    }
                    try {
                        for (ReadFeature feature : read.features()) {
                            output.write(feature.feature(), feature.reader());
                        }
                        problems.addAll(read.problems());
                    } catch (IOException e) {
                        problems.add(e.getMessage());
                    }
                }
                if (!writer.headerWritten()) {
                    writer.writeHeader(new double[3], null, Map.of());
                }
            }
            // Where every tile failed, an empty model would stand for a conversion that did not happen, and in place
            // of an earlier output it would lose that too.
            if (output.features > 0 || problems.isEmpty()) {
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
        String transformed = output.crs.summary();
        System.out.printf("%s: %,d features (%,d objects) from %d file%s; %d problem%s%s%n", out, output.features, output.objects, tiles.size(),
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

    /** The features of a tile read ahead on the pool, or null where the tile is too large for that and is streamed here. */
    private record ReadTile(List<ReadFeature> features, List<String> problems) {
    }

    /** A feature with what its reader said of the file as it handed it over, for the header if it is the first one. */
    private record ReadFeature(CityFeature feature, TileReader reader) {
    }

    /** What the output needs to know of the file a feature came from. */
    private record TileReader(String fileName, String referenceSystem, Map<String, Object> metadata) {
    }

    @FunctionalInterface
    private interface FeatureSink {
        void accept(CityFeature feature, TileReader reader) throws IOException;
    }

    /**
     * A tile read into memory on the pool, features and problems; null for a tile above {@code largest} bytes, which
     * the writing thread then streams itself, so a folder of huge tiles still converts in the memory of one building.
     */
    private static ReadTile readAhead(Path tile, long largest) {
        if (OrderedReads.fileSize(tile) > largest) {
            return null;
        }
        List<ReadFeature> features = new ArrayList<>();
        List<String> problems = readTile(tile, (feature, reader) -> features.add(new ReadFeature(feature, reader)));
        return new ReadTile(features, problems);
    }

    /** Hands each feature of a tile to {@code sink} as it is read, and returns the tile's problems. */
    private static List<String> readTile(Path tile, FeatureSink sink) {
        List<String> problems = new ArrayList<>();
        try (CityGmlReader reader = CityGmlReader.open(tile)) {
            TileReader first = null;
            while (reader.hasNext()) {
                CityFeature feature = reader.next();
                if (first == null) {
                    // The CRS as the reader tells it on the tile's first feature, as the header has always been written.
                    first = new TileReader(reader.fileName(), reader.referenceSystem(), reader.metadata());
                }
                sink.accept(feature, first);
            }
            problems.addAll(reader.problems());
            // A CityJSONSeq holds no textures either: what was not carried over is said, as info says it.
            reader.notes().forEach(note -> LOG.log(System.Logger.Level.INFO, note));
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** The sequence being written, and what it counted. */
    private static final class Output {
        private final List<Path> tiles;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        /** Files of another CRS than the first are written in the first's. */
        private final CrsAlignment crs = new CrsAlignment();
        private TileReader current;
        private CrsTransform transform;
        private CityJsonSeqWriter writer;
        private int features;
        private int objects;

        Output(List<Path> tiles) {
            this.tiles = tiles;
        }

        void write(CityFeature feature, TileReader reader) throws IOException {
            if (reader != current) {
                // Features come in the tiles' order, each tile's with its one TileReader: a new one starts the next file.
                current = reader;
                transform = crs.transformFor(reader.fileName(), reader.referenceSystem());
            }
            if (transform != null) {
                double[] vertices = Arrays.copyOf(feature.vertices(), feature.vertexCount() * 3);
                transform.apply(vertices, feature.vertexCount());
                feature = new CityFeature(feature.objects(), vertices, feature.vertexCount());
            }
            if (!ids.add(feature.root().id())) {
                problems.add(reader.fileName() + ": object `" + feature.root().id() + "` was in an earlier file too; the second was skipped");
                return;
            }
            if (!writer.headerWritten()) {
                writer.writeHeader(translate(feature), crs.referenceSystem(), metadata(tiles, reader));
            }
            writer.write(feature);
            features++;
            objects += feature.objects().size();
        }
    }

    private static Map<String, Object> metadata(List<Path> tiles, TileReader first) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("title", tiles.size() == 1 ? first.metadata().getOrDefault("title", first.fileName())
                : tiles.size() + " CityGML files, " + tiles.get(0).getFileName() + " to " + tiles.get(tiles.size() - 1).getFileName());
        return metadata;
    }

}
