package dev.wsguard.js.facts;

/**
 * A message handler that hands the connection and the message to a function of another module
 * ({@code await handleMessage(wss, ws, msg, store)}): link time attaches what that function does with them.
 *
 * @param target the function, as this file names it
 * @param socketIndex the argument that is the connection
 * @param messageIndex the argument that is the message (or a value parsed from it); {@link #NO_MESSAGE} when only the
 *     connection is handed over ({@code registerHandlers(io, socket)}), {@link #SERVER} when {@code socketIndex} is
 *     the server itself ({@code require('./sockets')(io)})
 */
public record DelegateFact(FunctionRef target, int socketIndex, int messageIndex) {
  public static final int NO_MESSAGE = -1;
  public static final int SERVER = -2;
}
