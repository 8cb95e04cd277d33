package de.dormagentwin.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code twin info}: what a file holds, counted on the geometry the viewer draws. */
@Command(name = "info", description = "Print what a city model file holds. Exit 0 when it loaded cleanly, 1 when it had problems.")
final class InfoCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON: one object for one file, an array for several.")
    boolean json;

    @Option(names = "--lod", description = "Level of detail to count (default: each object's highest).")
    LodChoice lod = LodChoice.HIGHEST;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CityJSON (.city.json), CityJSONSeq (.city.jsonl) or CityGML (.gml) files.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        List<Map<String, Object>> reports = new ArrayList<>();
        // Each file is read on a core of its own, and reported in the order named.
        try (OrderedReads<Path, Map<String, Object>> read = OrderedReads.ofFiles(files, file -> report(file, lod))) {
            for (int i = 0; i < files.size(); i++) {
                reports.add(read.next());
            }
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            System.out.println(mapper.writeValueAsString(reports.size() == 1 ? reports.get(0) : reports));
        } else {
            for (int i = 0; i < files.size(); i++) {
                printText(files.get(i), reports.get(i));
            }
        }
        boolean problems = reports.stream().anyMatch(report -> !((List<?>) report.get("problems")).isEmpty());
        return problems ? 1 : 0;
    }

    static Map<String, Object> report(Path file, LodChoice choice) {
        Map<String, Object> report = new LinkedHashMap<>();
        CityModel model;
        try {
            model = CityModelReader.read(file);
        } catch (IOException e) {
            report.put("cityObjects", 0);
            report.put("byType", Map.of());
            report.put("vertices", 0);
            report.put("triangles", 0);
            report.put("surfaceArea", 0.0);
            report.put("extent", null);
            report.put("crs", null);
            report.put("problems", List.of(e.getMessage() == null ? file + ": " + e : e.getMessage()));
            return report;
        }
        CityMeshes meshes = MeshBuilder.build(List.of(model), choice);
        Map<String, Integer> byType = new TreeMap<>();
        for (CityObject object : model.objects()) {
            byType.merge(object.type(), 1, Integer::sum);
        }
        double[] extent = model.extent();
        report.put("cityObjects", model.objects().size());
        report.put("byType", byType);
        report.put("vertices", model.vertexCount());
        report.put("triangles", meshes.triangles());
        report.put("surfaceArea", meshes.surfaceArea());
        report.put("extent", Double.isNaN(extent[0]) ? null : extent);
        report.put("crs", crs(model.referenceSystem()));
        report.put("problems", model.problems());
        List<String> notes = new ArrayList<>(model.notes());
        notes.addAll(meshes.notes());
        report.put("notes", notes);
        return report;
    }

    /** "EPSG:25833" for every spelling {@link Crs} reads (OGC URL and URN, AdV's names); anything else as written. */
    static String crs(String referenceSystem) {
        Crs crs = Crs.parse(referenceSystem);
        return crs != null ? crs.toString() : referenceSystem;
    }

    private static void printText(Path file, Map<String, Object> report) {
        System.out.println(file);
        System.out.printf("  objects:      %s%n", report.get("cityObjects"));
        System.out.printf("  by type:      %s%n", report.get("byType"));
        System.out.printf("  vertices:     %s%n", report.get("vertices"));
        System.out.printf("  triangles:    %s%n", report.get("triangles"));
        System.out.printf("  surface area: %.1f%n", (Double) report.get("surfaceArea"));
        if (report.get("extent") instanceof double[] extent) {
            System.out.printf("  extent:       %.3f %.3f %.3f .. %.3f %.3f %.3f%n", extent[0], extent[1], extent[2], extent[3], extent[4], extent[5]);
        }
        System.out.printf("  crs:          %s%n", report.get("crs"));
        List<?> problems = (List<?>) report.get("problems");
        System.out.printf("  problems:     %d%n", problems.size());
        problems.forEach(problem -> System.out.println("    " + problem));
        if (report.get("notes") instanceof List<?> notes && !notes.isEmpty()) {
            System.out.printf("  notes:        %d%n", notes.size());
            notes.forEach(note -> System.out.println("    " + note));
        }
    }
}
