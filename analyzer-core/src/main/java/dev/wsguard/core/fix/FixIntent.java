package dev.wsguard.core.fix;

import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;

/** What a rule would change; the endpoint's front end renders it as edits in that language. */
public sealed interface FixIntent {
  /** The file the edits go into. */
  SourceLocation anchor();

  /** The endpoint the intent is about; null for a token use, which may sit in any file. */
  default Endpoint endpoint() {
    return null;
  }

  /** Authenticate at the upgrade, failing closed. */
  record AddUpgradeAuth(Endpoint endpoint) implements FixIntent {
    public SourceLocation anchor() {
      return endpoint.declaration();
    }
  }

  /** Accept only allow-listed Origins. */
  record RestrictOrigins(Endpoint endpoint) implements FixIntent {
    public SourceLocation anchor() {
      return endpoint.declaration();
    }
  }

  /** Send to the connection's own user instead of to everyone. */
  record ScopeSendToUser(Endpoint endpoint, Send send) implements FixIntent {
    public SourceLocation anchor() {
      return send.location();
    }
  }

  /** Verify the token's signature with the same library, and reject on failure. */
  record VerifyToken(TokenUse use) implements FixIntent {
    public SourceLocation anchor() {
      return use.location();
    }
  }

  /** Check the connection's user's permission before the privileged action. */
  record AddPermissionCheck(Endpoint endpoint, MessageHandler handler) implements FixIntent {
    public SourceLocation anchor() {
      return handler.location();
    }
  }
}
