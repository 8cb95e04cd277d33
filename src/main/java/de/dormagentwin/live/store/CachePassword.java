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

    /**
     * The password, or null for an unencrypted cache. The environment wins over the configuration's value. A
     * variable or a value that is set but empty is an error: read as "no password", a slip in a service file would
     * make an unencrypted cache where an encrypted one was meant.
     */
    public static char[] resolve(Map<String, String> environment, String configured) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value != null && value.isEmpty()) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " is set but empty: give the cache password, or unset it for an unencrypted cache");
        }
        if (value == null) {
            value = configured;
        }
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the configured cache password is empty: give one, or leave it out for an unencrypted cache");
        }
        if (value.indexOf(' ') >= 0) {
            // H2 separates the file password from the user password with a space.
            throw new IllegalArgumentException("the cache password must not contain spaces");
        }
        return value.toCharArray();
    }
}
