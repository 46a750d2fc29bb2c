package dev.wsguard.java.facts;

/**
 * Something one file says that linking needs: an endpoint seen in its file, a class's role (a configurator, an
 * interceptor, a security filter chain), a configuration value, a token use. Each framework package defines its own
 * fact records; its linker picks them out of the {@code LinkIndex} by type. Facts hold no syntax tree.
 */
public interface JavaFact {}
