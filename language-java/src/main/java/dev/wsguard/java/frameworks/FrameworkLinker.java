package dev.wsguard.java.frameworks;

import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;

/**
 * Turns one framework's facts, from every file, into model endpoints: resolves configurators, interceptors,
 * security rules and configuration values that other files declare.
 */
public interface FrameworkLinker {
  void link(LinkIndex index, LinkOutput out);
}
