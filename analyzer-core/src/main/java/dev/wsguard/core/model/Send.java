package dev.wsguard.core.model;

import java.util.Objects;

/**
 * A place that sends data to connections.
 *
 * @param location the send call ({@code client.send(}, {@code io.emit(}, {@code convertAndSend(})
 * @param payload the payload as the source names it ("JSON.stringify(users)"), for messages
 * @param audienceEvidence where the audience comes from (the {@code wss.clients} loop); may be null
 */
public record Send(
    SourceLocation location,
    Audience audience,
    Provenance provenance,
    String payload,
    SourceLocation audienceEvidence) {

  public Send {
    Objects.requireNonNull(location);
    Objects.requireNonNull(audience);
    Objects.requireNonNull(provenance);
    Objects.requireNonNull(payload);
  }
}
