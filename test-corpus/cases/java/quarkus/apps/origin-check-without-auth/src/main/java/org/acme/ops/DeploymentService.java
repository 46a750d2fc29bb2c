// corpus: no-findings -- a helper of the app; the findings it decides are on the endpoint
package org.acme.ops;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeploymentService {
    public String tail(String deploymentId) {
        return "";
    }
}
