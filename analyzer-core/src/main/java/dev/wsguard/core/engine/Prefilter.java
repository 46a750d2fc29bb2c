package dev.wsguard.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Keeps a file when its bytes contain any trigger word. The words are compiled into one Aho-Corasick automaton over
 * bytes, so a file is read once whatever the number of words, and nothing is decoded. An empty word list keeps
 * every file: a front end that names no words asks to see everything. Immutable once built, so threads share one.
 */
public final class Prefilter {
  private static final int ALPHABET = 256;

  /** transitions[state * 256 + byte]: the complete DFA, failure links folded in. */
  private final int[] transitions;
  private final boolean[] accepting;
  private final boolean keepAll;

  public Prefilter(List<String> words) {
    List<byte[]> patterns = new ArrayList<>();
    for (String word : words) {
      if (!word.isEmpty()) {
        patterns.add(word.getBytes(StandardCharsets.UTF_8));
      }
    }
    keepAll = patterns.isEmpty();
    int maxStates = 1 + patterns.stream().mapToInt(p -> p.length).sum();
    int[] table = new int[maxStates * ALPHABET];
    Arrays.fill(table, -1);
    boolean[] accept = new boolean[maxStates];
    int states = 1;
    for (byte[] pattern : patterns) {
      int state = 0;
      for (byte b : pattern) {
        int slot = state * ALPHABET + (b & 0xff);
        if (table[slot] < 0) {
          table[slot] = states++;
        }
        state = table[slot];
      }
      accept[state] = true;
    }
    int[] failure = new int[states];
    Queue<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int next = table[c];
      if (next < 0) {
        table[c] = 0;
      } else {
        failure[next] = 0;
        queue.add(next);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.remove();
      accept[state] |= accept[failure[state]];
      for (int c = 0; c < ALPHABET; c++) {
        int slot = state * ALPHABET + c;
        int next = table[slot];
        if (next < 0) {
          table[slot] = table[failure[state] * ALPHABET + c];
        } else {
          failure[next] = table[failure[state] * ALPHABET + c];
          queue.add(next);
        }
      }
    }
    transitions = Arrays.copyOf(table, states * ALPHABET);
    accepting = Arrays.copyOf(accept, states);
  }

  public boolean matches(byte[] content) {
    if (keepAll) {
      return true;
    }
    int state = 0;
    for (byte b : content) {
      state = transitions[state * ALPHABET + (b & 0xff)];
      if (accepting[state]) {
        return true;
      }
    }
    return false;
  }
}
