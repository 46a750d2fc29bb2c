package dev.wsguard.js.analysis;

import dev.wsguard.js.facts.Term;

/** What an expression's value means for authentication, as far as one file shows. */
sealed interface Value {
  /** Truthy only when the verification (or decode) in {@code term} succeeded: its result, or a flag set after it. */
  record Verified(Term term) implements Value {}

  /** Truthy when the verification failed: a callback's err, an { error } field. */
  record Failure(Term term) implements Value {}

  /** An object whose {@code error} member is a failure and whose other members are the result (supabase). */
  record Envelope(Term term) implements Value {}

  /** Credentials parsed from the request without any check yet (basic-auth). */
  record Credentials(Term term) implements Value {}

  /** The request's Origin header. */
  record OriginHeader() implements Value {}

  record Unknown() implements Value {}

  Value UNKNOWN = new Unknown();
}
