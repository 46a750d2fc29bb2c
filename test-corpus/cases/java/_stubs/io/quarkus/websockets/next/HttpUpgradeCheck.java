package io.quarkus.websockets.next;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

public interface HttpUpgradeCheck {
  Uni<CheckResult> perform(HttpUpgradeContext context);

  default boolean appliesTo(String endpointId) {
    return true;
  }

  interface HttpUpgradeContext {
    HttpServerRequest httpRequest();

    String endpointId();
  }

  final class CheckResult {
    private CheckResult() {
    }

    public static Uni<CheckResult> rejectUpgrade(Integer httpResponseCode) {
      throw new UnsupportedOperationException("stub");
    }

    public static Uni<CheckResult> permitUpgrade() {
      throw new UnsupportedOperationException("stub");
    }
  }
}
