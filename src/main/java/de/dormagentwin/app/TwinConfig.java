package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's configuration, a JSON file: {@code {"cache": {"password": "...", "retentionDays": 30},
 * "kiosk": {"pin": "...", "idleSeconds": 90, "language": "de", "tour": "tour-bookmarks.json"}}}. Optional; a missing file means the defaults, a
 * broken one is an error that says where. It lives in the user's config folder
 * ({@code $XDG_CONFIG_HOME/dormagen-twin/config.json}), or where {@code --config} says.
 */
record TwinConfig(String cachePassword, int retentionDays, Kiosk kiosk) {
    static final int DEFAULT_RETENTION_DAYS = 30;

    /**
     * The kiosk's settings: the PIN that leaves it (null: none set), when the tour starts, the visitors' first
     * language, and a bookmarks file whose views named city, chempark, rhine or air the tour flies to (null: none).
     */
    record Kiosk(String pin, int idleSeconds, String language, Path tour) {
        static final Kiosk DEFAULTS = new Kiosk(null, 90, "de", null);
    }

    static TwinConfig load(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return new TwinConfig(null, DEFAULT_RETENTION_DAYS, Kiosk.DEFAULTS);
        } catch (IOException e) {
            throw new IOException("configuration " + file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode cache = root == null ? null : root.path("cache");
        String password = cache != null && cache.path("password").isTextual() ? cache.path("password").asText() : null;
        int retention = DEFAULT_RETENTION_DAYS;
        if (cache != null && cache.has("retentionDays")) {
            if (!cache.path("retentionDays").canConvertToInt() || cache.path("retentionDays").asInt() < 1) {
                throw new IOException("configuration " + file + ": cache.retentionDays must be a whole number of days, 1 or more");
            }
            retention = cache.path("retentionDays").asInt();
        }
        return new TwinConfig(password, retention, kiosk(file, root == null ? null : root.path("kiosk")));
    }

    private static Kiosk kiosk(Path file, JsonNode kiosk) throws IOException {
        if (kiosk == null || kiosk.isMissingNode()) {
            return Kiosk.DEFAULTS;
        }
        String pin = null;
        if (kiosk.has("pin")) {
            if (!kiosk.path("pin").isTextual() || kiosk.path("pin").asText().length() < 4) {
                throw new IOException("configuration " + file + ": kiosk.pin must be text of at least 4 characters, such as \"4711\"");
            }
            pin = kiosk.path("pin").asText();
        }
        int idle = Kiosk.DEFAULTS.idleSeconds();
        if (kiosk.has("idleSeconds")) {
            if (!kiosk.path("idleSeconds").canConvertToInt() || kiosk.path("idleSeconds").asInt() < 10) {
                throw new IOException("configuration " + file + ": kiosk.idleSeconds must be a whole number of seconds, 10 or more");
            }
            idle = kiosk.path("idleSeconds").asInt();
        }
        String language = kiosk.path("language").asText(Kiosk.DEFAULTS.language());
        if (!language.equals("de") && !language.equals("en")) {
            throw new IOException("configuration " + file + ": kiosk.language must be \"de\" or \"en\", not \"" + language + "\"");
        }
        Path tour = null;
        if (kiosk.has("tour")) {
            if (!kiosk.path("tour").isTextual()) {
                throw new IOException("configuration " + file + ": kiosk.tour must be the path of a bookmarks file, as text");
            }
            // Relative to the configuration file, so a kiosk's settings travel as one folder.
            tour = file.toAbsolutePath().resolveSibling(kiosk.path("tour").asText());
        }
        return new Kiosk(pin, idle, language, tour);
    }

    static Path defaultFile(Map<String, String> environment) {
        return userFolder(environment, "XDG_CONFIG_HOME", ".config").resolve("config.json");
    }

    /** The user's data folder for the cache: XDG on Linux, the platform's usual place elsewhere. */
    static Path defaultCacheFolder(Map<String, String> environment) {
        return userFolder(environment, "XDG_DATA_HOME", ".local/share").resolve("cache");
    }

    private static Path userFolder(Map<String, String> environment, String xdgVariable, String xdgDefault) {
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = environment.get("LOCALAPPDATA");
            return (local == null ? home.resolve("AppData/Local") : Path.of(local)).resolve("DormagenTwin");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/DormagenTwin");
        }
        String xdg = environment.get(xdgVariable);
        return (xdg == null || xdg.isBlank() ? home.resolve(xdgDefault) : Path.of(xdg)).resolve("dormagen-twin");
    }
}
