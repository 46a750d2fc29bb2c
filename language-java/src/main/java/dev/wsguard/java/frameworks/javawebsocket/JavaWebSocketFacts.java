package dev.wsguard.java.frameworks.javawebsocket;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.facts.JavaFact;
import java.util.List;

/**
 * A Java-WebSocket server: a subclass of {@code org.java_websocket.server.WebSocketServer}.
 *
 * @param declaration the class name on the {@code class ... extends WebSocketServer} line
 * @param handshakeGate the check in {@code onWebsocketHandshakeReceivedAsServer}; null when none
 * @param openGate the check in {@code onOpen}; null when none
 * @param origin an Origin check in either; null when none (the library checks no Origin)
 */
record JavaWebSocketServer(String className, SourceLocation declaration, Gate handshakeGate, Gate openGate,
    OriginPolicy origin, List<MessageHandler> handlers, List<Send> sends) implements JavaFact {
  JavaWebSocketServer {
    handlers = List.copyOf(handlers);
    sends = List.copyOf(sends);
  }
}
