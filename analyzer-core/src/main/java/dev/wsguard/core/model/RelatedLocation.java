package dev.wsguard.core.model;

/** A location that explains a fact, with a short message ("verifyToken verifies with jsonwebtoken.verify"). */
public record RelatedLocation(SourceLocation location, String message) {}
