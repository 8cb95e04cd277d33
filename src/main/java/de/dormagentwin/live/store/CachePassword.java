package de.dormagentwin.live.store;

import java.util.Map;

/**
 * Where the cache's password comes from: the environment, or the configuration. Never the command line, where
 * every user of the machine could read it in the process list.
 */
public final class CachePassword {
    public static final String ENVIRONMENT_VARIABLE = "TWIN_CACHE_PASSWORD";

    private CachePassword() {
    }

    /** The password, or null for an unencrypted cache. The environment wins over the configuration's value. */
    public static char[] resolve(Map<String, String> environment, String configured) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isEmpty()) {
            value = configured;
        }
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.indexOf(' ') >= 0) {
            // H2 separates the file password from the user password with a space.
            throw new IllegalArgumentException("the cache password must not contain spaces");
        }
        return value.toCharArray();
    }
}
