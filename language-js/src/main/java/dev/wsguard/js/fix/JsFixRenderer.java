package dev.wsguard.js.fix;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.FixRenderer;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.js.frameworks.expressws.ExpressWsFixes;
import dev.wsguard.js.frameworks.fastify.FastifyWebSocketFixes;
import dev.wsguard.js.frameworks.nestjs.NestJsFixes;
import dev.wsguard.js.frameworks.socketio.SocketIoFixes;
import dev.wsguard.js.frameworks.uws.UwsFixes;
import dev.wsguard.js.frameworks.ws.WsFixes;
import dev.wsguard.js.parse.JsGrammar;
import dev.wsguard.js.parse.JsParser;
import java.util.Optional;

/**
 * Renders fix intents for JavaScript and TypeScript files: the file is parsed again to find the insertion points,
 * and the intent goes to the fixer of its endpoint's framework (token uses, in any file, to {@link TokenFixes}).
 * Frameworks without a fixer get no patch.
 */
public final class JsFixRenderer implements FixRenderer {
  private static final int MAX_LINE = 1000;
  /** The last file parsed: an endpoint's intents come one after the other and share its tree. */
  private SourceFile lastFile;
  private JsEdits lastEdits;

  @Override
  public synchronized Optional<Fix> render(FixIntent intent, SourceFile file, FixContext context) {
    JsGrammar grammar = JsGrammar.forPath(file.path());
    if (grammar == null || !intent.anchor().path().equals(file.path())) {
      return Optional.empty();
    }
    // a minified line is costly to parse again and never worth a patch
    if (!shortLine(file.content(), intent.anchor().startByte())) {
      return Optional.empty();
    }
    if (intent instanceof FixIntent.VerifyToken v) {
      return new TokenFixes(edits(file, grammar)).verifyToken(v.use());
    }
    Endpoint endpoint = intent.endpoint();
    if (endpoint == null) {
      return Optional.empty();
    }
    boolean auth = intent instanceof FixIntent.AddUpgradeAuth;
    boolean origins = intent instanceof FixIntent.RestrictOrigins;
    switch (endpoint.framework()) {
      case WS -> {
        if (!(auth || origins) || !WsFixes.mayBeTopLevelDeclaration(file.content(),
            endpoint.declaration().startByte())) {
          return Optional.empty();
        }
        WsFixes ws = new WsFixes(edits(file, grammar), context);
        return auth ? ws.addUpgradeAuth(endpoint) : ws.restrictOrigins(endpoint);
      }
      case SOCKET_IO, SOCKET_IO_NAMESPACE -> {
        SocketIoFixes io = new SocketIoFixes(edits(file, grammar), context);
        if (intent instanceof FixIntent.ScopeSendToUser s) {
          return io.scopeSendToUser(s.endpoint(), s.send());
        }
        return auth ? io.addUpgradeAuth(endpoint) : origins ? io.restrictOrigins(endpoint) : Optional.empty();
      }
      case EXPRESS_WS -> {
        ExpressWsFixes f = new ExpressWsFixes(edits(file, grammar), context);
        return auth ? f.addUpgradeAuth(endpoint) : origins ? f.restrictOrigins(endpoint) : Optional.empty();
      }
      case FASTIFY_WEBSOCKET -> {
        FastifyWebSocketFixes f = new FastifyWebSocketFixes(edits(file, grammar), context);
        return auth ? f.addUpgradeAuth(endpoint) : origins ? f.restrictOrigins(endpoint) : Optional.empty();
      }
      case UWS -> {
        UwsFixes f = new UwsFixes(edits(file, grammar), context);
        return auth ? f.addUpgradeAuth(endpoint) : origins ? f.restrictOrigins(endpoint) : Optional.empty();
      }
      case NESTJS_GATEWAY -> {
        NestJsFixes nest = new NestJsFixes(edits(file, grammar));
        if (intent instanceof FixIntent.AddPermissionCheck p) {
          return nest.addPermissionCheck(p.endpoint(), p.handler());
        }
        if (intent instanceof FixIntent.ScopeSendToUser s) {
          return nest.scopeSendToUser(s.endpoint(), s.send());
        }
        return auth ? nest.addUpgradeAuth(endpoint, context)
            : origins ? nest.restrictOrigins(endpoint) : Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }


  private static boolean shortLine(byte[] content, int offset) {
    int start = offset;
    while (start > 0 && content[start - 1] != '\n' && offset - start < MAX_LINE) {
      start--;
    }
    int end = offset;
    while (end < content.length && content[end] != '\n' && end - offset < MAX_LINE) {
      end++;
    }
    return end - start < MAX_LINE;
  }

  private JsEdits edits(SourceFile file, JsGrammar grammar) {
    if (lastFile == null || !lastFile.path().equals(file.path()) || lastFile.content() != file.content()) {
      // a parser per file: rendering is rare next to scanning, and a parser must not be shared between threads
      try (JsParser parser = new JsParser()) {
        lastEdits = new JsEdits(parser.parse(file.path(), file.content(), grammar));
      }
      lastFile = file;
    }
    return lastEdits;
  }
}
