package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a city model file with the reader its content needs: XML (CityGML) or JSON (CityJSON, CityJSONSeq). The
 * first bytes decide, since a .json may be either CityJSON or GeoJSON and a .xml may be CityGML; only a file
 * whose start tells nothing (empty, or not text) goes by its name.
 */
public final class CityModelReader {
    /** The encodings this project reads. */
    public enum Format { CITY_JSON, CITY_GML }

    private static final int HEAD_BYTES = 1024;

    private CityModelReader() {
    }

    public static CityModel read(Path file) throws IOException {
        return format(file) == Format.CITY_GML ? CityGmlReader.read(file) : CityJsonReader.read(file);
    }

    public static Format format(Path file) throws IOException {
        byte[] head;
        try (InputStream in = ModelInput.open(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("<")) {
            return Format.CITY_GML;
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return Format.CITY_JSON;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gml") || name.endsWith(".xml") ? Format.CITY_GML : Format.CITY_JSON;
    }
}
