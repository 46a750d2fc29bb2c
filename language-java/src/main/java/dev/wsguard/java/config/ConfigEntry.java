package dev.wsguard.java.config;

/**
 * One configuration value as a file states it.
 *
 * @param line 1-based line of the key in its file; 0 when the reader cannot tell
 */
public record ConfigEntry(String path, String key, String value, int line) {}
