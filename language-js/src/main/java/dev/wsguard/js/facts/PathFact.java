package dev.wsguard.js.facts;

import java.util.List;

/**
 * The evidence on one path to a point (an accept, a return), and the branch conditions that lead there, as the
 * source writes them: a path reached by several routes keeps each route's conditions.
 */
public record PathFact(List<Term> terms, List<List<String>> routes) {
  public PathFact {
    terms = List.copyOf(terms);
    routes = routes.stream().map(List::copyOf).toList();
  }
}
