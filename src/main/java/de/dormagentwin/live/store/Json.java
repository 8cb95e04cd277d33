package de.dormagentwin.live.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** Thing properties are free-form JSON in SensorThings; the cache keeps them as JSON text. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Map<String, Object> properties) {
        try {
            return MAPPER.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("thing properties are not JSON: " + e.getMessage(), e);
        }
    }
}
