// corpus: no-findings
package com.acme.tracker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

@Service
public class LocationStore {

    private final Map<String, String> lastKnown = new ConcurrentHashMap<>();

    public void record(String deviceId, String position) {
        lastKnown.put(deviceId, position);
    }
}
