// corpus: no-findings -- a helper of the app; the findings it decides are on the endpoint
package org.acme.ops;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Only the ops front end may open sockets: browsers elsewhere get 403 at the upgrade. */
@ApplicationScoped
public class AllowedOriginsCheck implements HttpUpgradeCheck {
    private static final Set<String> FRONT_ENDS = Set.of("https://ops.example.com", "https://ops-staging.example.com");

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin == null || !FRONT_ENDS.contains(origin)) {
            return CheckResult.rejectUpgrade(403);
        }
        return CheckResult.permitUpgrade();
    }
}
