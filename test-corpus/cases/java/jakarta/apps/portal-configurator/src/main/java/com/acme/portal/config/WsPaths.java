// corpus: no-findings -- a helper of the app; the findings it decides are on the endpoint
package com.acme.portal.config;

public final class WsPaths {
    public static final String PORTAL = "/portal/updates";
    public static final String AUDIT = "/portal/audit";

    private WsPaths() {
    }
}
