// corpus: no-findings
package com.acme.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registered devices, by their provisioning key. */
public class DeviceRegistry {
    private final Map<String, String> byKey = new ConcurrentHashMap<>();

    public void register(String key, String deviceId) {
        byKey.put(key, deviceId);
    }

    public String findDevice(String key) {
        return key == null ? null : byKey.get(key);
    }
}
