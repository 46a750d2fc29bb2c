package dev.wsguard.js.analysis;

/** What a binding holds in a WebSocket server, as the recogniser learnt from where it is declared. */
public enum Role {
  /** The HTTP upgrade request (upgrade handler, verifyClient's info.req, the connection's second argument). */
  REQUEST,
  /** The raw network socket of an upgrade handler. */
  NET_SOCKET,
  /** A WebSocket connection. */
  CONNECTION,
  /** verifyClient's info object ({ origin, secure, req }). */
  CLIENT_INFO,
  /** The Origin header's value. */
  ORIGIN,
  /** An incoming message, or data taken from one. */
  MESSAGE,
  /** A ws server. */
  SERVER,
  /** A stream wrapping a WebSocket connection, which is its {@code .socket} (@fastify/websocket before v8). */
  SOCKET_STREAM
}
