// corpus: no-findings -- a helper of the app; the findings it decides are on the endpoint
package com.acme.feed;

public final class FeedPaths {
    public static final String FEED = "/feed";

    private FeedPaths() {
    }
}
