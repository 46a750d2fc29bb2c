package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.List;

/**
 * Where walked paths end up: an accept, a return (with its value), an exception that leaves the function, or the end
 * of the body.
 *
 * @param at the accepting call or node, the return statement, the throw
 * @param value the returned value; null when none
 */
record Outcome(Kind kind, Node at, Node value, List<Path> paths) {
  enum Kind {
    ACCEPT,
    RETURN,
    THROW,
    END
  }
}
