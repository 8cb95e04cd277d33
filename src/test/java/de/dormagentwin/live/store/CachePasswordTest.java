package de.dormagentwin.live.store;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachePasswordTest {
    @Test
    void anEmptyPasswordIsAnErrorNotAnUnencryptedCache() {
        Map<String, String> empty = Map.of(CachePassword.ENVIRONMENT_VARIABLE, "");
        IllegalArgumentException fromEnvironment = assertThrows(IllegalArgumentException.class, () -> CachePassword.resolve(empty, null));
        assertTrue(fromEnvironment.getMessage().contains(CachePassword.ENVIRONMENT_VARIABLE), fromEnvironment.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CachePassword.resolve(empty, "configured"), "an empty variable does not fall back quietly");
        assertThrows(IllegalArgumentException.class, () -> CachePassword.resolve(Map.of(), ""));
        assertNull(CachePassword.resolve(Map.of(), null), "neither set: an unencrypted cache, as chosen");
        assertArrayEquals("env".toCharArray(), CachePassword.resolve(Map.of(CachePassword.ENVIRONMENT_VARIABLE, "env"), "configured"));
    }
}
