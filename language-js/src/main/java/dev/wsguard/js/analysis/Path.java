package dev.wsguard.js.analysis;

import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One path's state while a handler is walked: the evidence gathered, the neutral branch conditions taken, facts
 * that later checks read (a session parser ran), and the verification whose failure is being carried to a catch.
 * Immutable: branches copy.
 */
final class Path {
  private static final int MAX_ROUTES = 8;

  final List<Term> terms;
  final List<List<String>> routes;
  final Map<String, Term> facts;
  /** The verification whose failure this path is (on its way to a catch); null otherwise. */
  final Term pending;

  private Path(List<Term> terms, List<List<String>> routes, Map<String, Term> facts, Term pending) {
    this.terms = terms;
    this.routes = routes;
    this.facts = facts;
    this.pending = pending;
  }

  static Path start() {
    return new Path(List.of(), List.of(List.of()), Map.of(), null);
  }

  Path with(Term term) {
    if (term == null || terms.contains(term)) {
      return this;
    }
    List<Term> more = new ArrayList<>(terms);
    more.add(term);
    return new Path(List.copyOf(more), routes, facts, pending);
  }

  Path withAll(List<Term> added) {
    Path p = this;
    for (Term t : added) {
      p = p.with(t);
    }
    return p;
  }

  Path withCondition(String condition) {
    List<List<String>> longer = new ArrayList<>(routes.size());
    for (List<String> route : routes) {
      List<String> r = new ArrayList<>(route);
      r.add(condition);
      longer.add(List.copyOf(r));
    }
    return new Path(terms, List.copyOf(longer), facts, pending);
  }

  Path withFact(String name, Term term) {
    Map<String, Term> more = new HashMap<>(facts);
    more.put(name, term);
    return new Path(terms, routes, Map.copyOf(more), pending);
  }

  Path withPending(Term failed) {
    return new Path(terms, routes, facts, failed);
  }

  boolean has(Term.Kind kind) {
    for (Term t : terms) {
      if (t.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  PathFact fact() {
    return new PathFact(terms, routes);
  }

  /** Paths with the same evidence, facts and pending failure are one; their routes are kept side by side. */
  static List<Path> merge(List<Path> paths) {
    if (paths.size() < 2) {
      return paths;
    }
    Map<Object, Path> byState = new LinkedHashMap<>();
    for (Path p : paths) {
      Object key = List.of(Set.copyOf(p.terms), p.facts, Objects.requireNonNullElse(p.pending, "-"));
      Path seen = byState.get(key);
      byState.put(key, seen == null ? p : seen.union(p));
    }
    return List.copyOf(byState.values());
  }

  static List<Path> concat(List<Path> a, List<Path> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return merge(all);
  }

  private Path union(Path other) {
    Set<List<String>> all = new LinkedHashSet<>(routes);
    for (List<String> r : other.routes) {
      if (all.size() >= MAX_ROUTES) {
        break;
      }
      all.add(r);
    }
    return new Path(terms, List.copyOf(all), facts, pending);
  }
}
