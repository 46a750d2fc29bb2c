package dev.wsguard.js.frameworks;

import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.frameworks.expressws.ExpressWsRecognizer;
import dev.wsguard.js.frameworks.fastify.FastifyWebSocketRecognizer;
import dev.wsguard.js.frameworks.nestjs.NestGatewayRecognizer;
import dev.wsguard.js.frameworks.socketio.SocketIoRecognizer;
import dev.wsguard.js.frameworks.uws.UwsRecognizer;
import dev.wsguard.js.frameworks.ws.WsRecognizer;
import java.util.List;

/** Every framework's recogniser, in the order their results are reported. */
public final class Recognizers {
  private Recognizers() {}

  public static List<FrameworkRecognizer> forFile(FileContext cx) {
    return List.of(new WsRecognizer(cx), new SocketIoRecognizer(cx), new ExpressWsRecognizer(cx),
        new FastifyWebSocketRecognizer(cx), new UwsRecognizer(cx), new NestGatewayRecognizer(cx));
  }
}
