package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.ui.ModelExporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The planner's exports of the model, through what {@code twin export} does: the same selection, the same writers. */
final class ModelFileExport implements ModelExporter {
    private final List<CityModel> models;
    private final LodChoice lod;

    ModelFileExport(List<CityModel> models, LodChoice lod) {
        this.models = List.copyOf(models);
        this.lod = lod;
    }

    @Override
    public int export(List<String> ids, double[] area, Path file) throws IOException, ModelSelection.SelectionException {
        ExportCommand.Format format = ExportCommand.Format.of(file);
        if (format == null) {
            throw new IOException(file + ": name a .glb (glTF binary) or .city.json (CityJSON) file");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("the folder " + folder + " does not exist");
        }
        ModelSelection.Box box = area == null ? null : new ModelSelection.Box(area[0], area[1], area[2], area[3]);
        List<CityModel> selected = ModelSelection.select(models, box, ids);
        ExportCommand.write(selected, format, lod, box, file);
        return selected.stream().mapToInt(model -> model.objects().size()).sum();
    }
}
