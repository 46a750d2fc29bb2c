// corpus: no-findings
package com.acme.ops;

import org.springframework.stereotype.Service;

@Service
public class DeploymentService {

    private final long startedAt = System.currentTimeMillis();

    public void restartService(String name) {
        // calls the orchestrator's API in production
    }

    public String describe() {
        return "api: running";
    }

    public long uptimeSeconds() {
        return (System.currentTimeMillis() - startedAt) / 1000;
    }
}
