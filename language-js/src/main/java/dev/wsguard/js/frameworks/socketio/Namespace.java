package dev.wsguard.js.frameworks.socketio;

import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * One namespace of a server: the main one ({@code /}, what {@code io.use}, {@code io.on} and {@code io.emit} act on)
 * or one made by {@code io.of(...)}. Each is its own endpoint: middleware registered on one does not run for another.
 */
final class Namespace {
  final SocketIoServer server;
  /** The namespace's name; null for a dynamic one ({@code io.of(/regex/)}, {@code io.of(fn)}). */
  final String name;
  /** The {@code io.of(...)} call that declares it; null for the main namespace. */
  final Node declaration;
  /** The {@code use(...)} calls registering middleware on it. */
  final List<Node> middlewares = new ArrayList<>();
  /** The {@code on('connection', ...)} calls. */
  final List<Node> connectionRegistrations = new ArrayList<>();

  Namespace(SocketIoServer server, String name, Node declaration) {
    this.server = server;
    this.name = name;
    this.declaration = declaration;
  }

  boolean isMain() {
    return declaration == null;
  }
}
