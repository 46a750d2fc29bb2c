package dev.wsguard.java.facts;

import dev.wsguard.core.model.TokenUse;

/**
 * A decode or verify call of a JWT library, as its file shows it.
 *
 * @param enclosingMethod the method it sits in ("com.example.JwtUtil#validate"), so that a linker can tie it to an
 *     endpoint's handshake path; null at field or class level
 */
public record TokenUseFact(TokenUse use, String enclosingMethod) implements JavaFact {}
