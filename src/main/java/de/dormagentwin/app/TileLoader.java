package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshBuilder;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.scene.TextureBudget;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads city model files and meshes each onto one grid as it comes, so that a folder of tiles appears tile by tile:
 * each file's meshes go to a listener (the viewer adds them to the scene) in the files' order, while the next files
 * are read and meshed ahead on every core ({@link OrderedReads}, a few tiles ahead at most). A file that will not load
 * is named and skipped; the others load.
 *
 * <p>For NRW's tiles ({@code LoD2_32_347_5663_1_NW.gml}) the names tell where each tile lies before any is read:
 * the grid's origin is the kilometre line nearest the middle of them all, its tiles are NRW's kilometre tiles, and
 * the tiles nearest the middle load first. Other files load in the order given, around the middle of the first. Files
 * in another CRS than the first are transformed into it as they load ({@link CrsAlignment}).
 */
final class TileLoader {
    /** NRW's tile edge, and the grid's tile size when several files load. */
    static final double TILE_METRES = 1000;
    /** {@code LoD1_32_...} and {@code LoD2_32_...}: level, UTM zone 32, east and north kilometre, edge in km, state. */
    private static final Pattern NRW_TILE = Pattern.compile("LoD[12]_32_(\\d{3})_(\\d{4})_1_[A-Z]{2}.*\\.(gml|xml)", Pattern.CASE_INSENSITIVE);

    private TileLoader() {
    }

    /**
     * One file's worth of the city, as the listener gets it.
     *
     * @param file   the file this chunk came from
     * @param meshes its meshes on the city's grid, objects numbered on from the chunks before; null when it did not load
     * @param done   how many files have been handled, this one included
     * @param total  how many there are
     * @param readNanos how long reading the file took (for the scale benchmark's throughput)
     */
    record Chunk(Path file, CityMeshes meshes, String failure, int done, int total, long readNanos) {
    }

    /**
     * Meshes one file's model onto the city's grid, numbering its objects from 0
     * ({@link MeshBuilder#build(List, LodChoice, MeshBuilder.Grid, int)}).
     */
    @FunctionalInterface
    interface Mesher {
        CityMeshes mesh(CityModel model, MeshBuilder.Grid grid);
    }

    /** Loads every file (every model file in each folder) and the terrain, handing each file's chunk to {@code each}. */
    static SceneFactory.Prepared load(List<Path> paths, TerrainFiles terrainFiles, LodChoice lod, Consumer<Chunk> each) {
        return load(paths, terrainFiles, lod, each, CityModelReader::read, OrderedReads.Limits.cores());
    }

    /**
     * As {@link #load(List, TerrainFiles, LodChoice, Consumer)}, with the files read by {@code reader} on a pool within
     * {@code limits}.
     */
    static SceneFactory.Prepared load(List<Path> paths, TerrainFiles terrainFiles, LodChoice lod, Consumer<Chunk> each,
                                      OrderedReads.Read<Path, CityModel> reader, OrderedReads.Limits limits) {
        // One budget for the whole city, shared by the pool's threads: a folder of textured tiles must not take a full
        // budget per tile.
        TextureBudget textures = TextureBudget.standard();
        return load(paths, terrainFiles, lod, each, reader, limits, (model, grid) -> MeshBuilder.build(List.of(model), lod, grid, 0, textures));
    }

    /**
     * As above, each file meshed by {@code mesher}. The first file that loads sets the CRS and the grid and is meshed
     * on this thread; every other file is read, aligned and meshed on the pool, side by side with the next ones, and
     * its objects are numbered on from the files before it here, in the files' order, as it is handed on. A tile in
     * hand on the pool holds its model and then its meshes too, within the same window and bytes as the reading
     * alone ({@link OrderedReads}).
     */
    static SceneFactory.Prepared load(List<Path> paths, TerrainFiles terrainFiles, LodChoice lod, Consumer<Chunk> each,
                                      OrderedReads.Read<Path, CityModel> reader, OrderedReads.Limits limits, Mesher mesher) {
        List<String> failures = new ArrayList<>();
        List<Path> files = order(expand(paths, failures));
        List<Numbered> numbered = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            numbered.add(new Numbered(i, files.get(i)));
        }
        CrsAlignment crs = new CrsAlignment();
        GridGate gate = new GridGate();
        OrderedReads.Read<Numbered, Tile> readAndMesh = entry -> {
            long start = System.nanoTime();
            CityModel model = reader.read(entry.file());
            long readNanos = System.nanoTime() - start;
            MeshBuilder.Grid grid = gate.gridOrTurn(entry.index());
            if (grid == null) {
                // This file's turn came before any set the grid: the loading thread handles it, in the files' order.
                return new Tile(model, null, readNanos);
            }
            // The first file's CRS is set by now, since the grid comes after it: aligning here takes nothing from the order.
            CityModel aligned = crs.align(model);
            return new Tile(aligned, mesher.mesh(aligned, grid), readNanos);
        };
        try (OrderedReads<Numbered, Tile> reads = new OrderedReads<>(numbered, limits, entry -> OrderedReads.fileSize(entry.file()), readAndMesh)) {
            return load(paths, terrainFiles, lod, each, files, failures, reads, crs, gate, mesher);
        }
    }

    /** A file and its place in the order: the pool's task must know whether the loading thread waits for it. */
    private record Numbered(int index, Path file) {
    }

    /** One file off the pool: its model (aligned where meshed), its meshes numbered from 0 (null where the pool did not mesh it). */
    private record Tile(CityModel model, CityMeshes meshes, long readNanos) {
    }

    /**
     * The grid, once the first file that loads has set it. A file read before then waits for it on the pool, so that
     * it too is meshed there, unless it is the file the loading thread waits for: that one goes back unmeshed, since
     * the grid may be about to come from it.
     */
    private static final class GridGate {
        private MeshBuilder.Grid grid;
        private int turn;

        synchronized MeshBuilder.Grid gridOrTurn(int index) throws InterruptedIOException {
            try {
                while (grid == null && turn != index) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("loading was stopped");
            }
            return grid;
        }

        synchronized MeshBuilder.Grid grid() {
            return grid;
        }

        /** The loading thread waits for the file at {@code index} next. */
        synchronized void turn(int index) {
            turn = index;
            notifyAll();
        }

        synchronized void open(MeshBuilder.Grid known) {
            grid = known;
            notifyAll();
        }
    }

    private static SceneFactory.Prepared load(List<Path> paths, TerrainFiles terrainFiles, LodChoice lod, Consumer<Chunk> each, List<Path> files,
                                              List<String> failures, OrderedReads<Numbered, Tile> reads, CrsAlignment crs, GridGate gate,
                                              Mesher mesher) {
        double[] nrwOrigin = nrwOrigin(files);
        List<CityModel> models = new ArrayList<>();
        List<CityMeshes> chunks = new ArrayList<>();
        int objects = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            CityModel model;
            CityMeshes chunk;
            long readNanos;
            try {
                gate.turn(i);
                Tile tile = reads.next();
                model = tile.model();
                chunk = tile.meshes();
                readNanos = tile.readNanos();
                if (chunk == null) {
                    // On this thread, in the files' order: the first file's CRS is the one the others are transformed into.
                    model = crs.align(model);
                    MeshBuilder.Grid grid = gate.grid();
                    if (grid == null) {
                        grid = files.size() == 1 ? MeshBuilder.grid(List.of(model), lod) : firstGrid(model, lod, nrwOrigin);
                        gate.open(grid);
                    }
                    chunk = mesher.mesh(model, grid);
                }
                chunk = chunk.numberedFrom(objects);
            } catch (IOException | RuntimeException e) {
                // One bad tile of a hundred must not cost the other ninety-nine, whatever went wrong in it.
                String failure = e instanceof IOException ? e.getMessage() : file.getFileName() + ": " + e;
                failures.add(failure);
                each.accept(new Chunk(file, null, failure, i + 1, files.size(), reads.lastNanos()));
                continue;
            }
            models.add(model);
            chunks.add(chunk);
            objects += chunk.objects().size();
            each.accept(new Chunk(file, chunk, null, i + 1, files.size(), readNanos));
        }
        CityMeshes city = chunks.isEmpty() ? MeshBuilder.build(List.of(), lod) : CityMeshes.join(chunks);
        TerrainFiles.Loaded terrain = TerrainFiles.load(terrainFiles.resolve(paths));
        if (!terrain.grids().isEmpty()) {
            city = city.withTerrain(TerrainMesh.build(terrain.grids(), city.origin()));
            // Painted here, on the loading thread, so that laying the terrain does not hold up the FX thread.
            city.terrain().groundImage(city.groundAreas());
        }
        return new SceneFactory.Prepared(new ModelFiles.Loaded(List.copyOf(models), List.copyOf(failures), crs.summary()), city, terrain.failures());
    }

    /** The grid of several files: NRW's kilometre grid where the names tell it, else 1 km tiles around the first file. */
    private static MeshBuilder.Grid firstGrid(CityModel first, LodChoice lod, double[] nrwOrigin) {
        double ground = MeshBuilder.groundHeight(List.of(first), lod);
        if (nrwOrigin != null) {
            return new MeshBuilder.Grid(new double[]{nrwOrigin[0], nrwOrigin[1], ground}, TILE_METRES);
        }
        double[] origin = MeshBuilder.grid(List.of(first), lod).origin();
        return new MeshBuilder.Grid(origin, TILE_METRES);
    }

    /** The files named and those in each folder named, with a failure for a folder that holds none. */
    static List<Path> expand(List<Path> paths, List<String> failures) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try {
                List<Path> inFolder = ModelFiles.modelFilesIn(path);
                if (inFolder.isEmpty()) {
                    failures.add(path + ": no CityGML (.gml, .xml) or CityJSON (.json, .jsonl) files in this folder");
                }
                files.addAll(inFolder);
            } catch (IOException e) {
                failures.add(path + ": the folder cannot be read (" + e.getMessage() + ")");
            }
        }
        return files;
    }

    /** NRW tiles nearest the middle first, so that the view fills from its centre; other files as they are. */
    static List<Path> order(List<Path> files) {
        double[] origin = nrwOrigin(files);
        if (origin == null) {
            return files;
        }
        return files.stream().sorted(Comparator.comparingDouble(file -> {
            double[] corner = nrwCorner(file);
            double east = corner[0] + TILE_METRES / 2 - origin[0];
            double north = corner[1] + TILE_METRES / 2 - origin[1];
            return east * east + north * north;
        })).toList();
    }

    /** The kilometre line nearest the middle of NRW tiles, or null unless every file is one. */
    static double[] nrwOrigin(List<Path> files) {
        if (files.isEmpty()) {
            return null;
        }
        double minEast = Double.POSITIVE_INFINITY;
        double minNorth = Double.POSITIVE_INFINITY;
        double maxEast = Double.NEGATIVE_INFINITY;
        double maxNorth = Double.NEGATIVE_INFINITY;
        for (Path file : files) {
            double[] corner = nrwCorner(file);
            if (corner == null) {
                return null;
            }
            minEast = Math.min(minEast, corner[0]);
            minNorth = Math.min(minNorth, corner[1]);
            maxEast = Math.max(maxEast, corner[0] + TILE_METRES);
            maxNorth = Math.max(maxNorth, corner[1] + TILE_METRES);
        }
        return new double[]{Math.round((minEast + maxEast) / 2 / TILE_METRES) * TILE_METRES,
                Math.round((minNorth + maxNorth) / 2 / TILE_METRES) * TILE_METRES};
    }

    /** The south-west corner of an NRW tile in metres (EPSG:25832), or null when the name is not one. */
    static double[] nrwCorner(Path file) {
        Matcher matcher = NRW_TILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return null;
        }
        return new double[]{Integer.parseInt(matcher.group(1)) * TILE_METRES, Integer.parseInt(matcher.group(2)) * TILE_METRES};
    }
}
