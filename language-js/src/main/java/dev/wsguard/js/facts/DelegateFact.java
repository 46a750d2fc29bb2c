package dev.wsguard.js.facts;

/**
 * A message handler that hands the connection and the message to a function of another module
 * ({@code await handleMessage(wss, ws, msg, store)}): link time attaches what that function does with them.
 *
 * @param target the function, as this file names it
 * @param socketIndex the argument that is the connection
 * @param messageIndex the argument that is the message (or a value parsed from it)
 */
public record DelegateFact(FunctionRef target, int socketIndex, int messageIndex) {}
