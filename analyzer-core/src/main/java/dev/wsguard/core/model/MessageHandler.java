package dev.wsguard.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A handler for incoming messages: one event, message type or destination (or all messages, when the handler
 * does not dispatch).
 *
 * @param messageType the event name, message type or destination; null when the handler takes every message
 * @param location where the handler is registered ({@code socket.on('x'}, {@code case 'x':}, the method line)
 * @param privilegedAction what privileged thing the handler does ("deletes a document", "changes a role"); null
 *     when it does nothing privileged
 * @param permissionCheck whether a permission check of the connection's user guards the action
 * @param clientSuppliedId the client-supplied user or resource id acted on without being compared to the
 *     authenticated user ("msg.userId"); null when there is none
 * @param evidence the privileged call, the missing comparison, the check that was found
 */
public record MessageHandler(
    String messageType,
    SourceLocation location,
    String privilegedAction,
    PermissionCheck permissionCheck,
    String clientSuppliedId,
    List<RelatedLocation> evidence) {

  public MessageHandler {
    Objects.requireNonNull(location);
    Objects.requireNonNull(permissionCheck);
    evidence = List.copyOf(evidence);
  }

  public boolean privileged() {
    return privilegedAction != null;
  }
}
