package dev.wsguard.js.frameworks.nestjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.js.JsSources;
import dev.wsguard.js.fix.JsFixRenderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NestJsFixesTest {
  private static final String PATH = "src/chat/chat.gateway.ts";

  private static Optional<Fix> render(FixIntent intent, String path, String text, FixContext context) {
    return new JsFixRenderer().render(intent, new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)), context);
  }

  private static Optional<Fix> upgradeAuth(String path, String text, FixContext context) {
    return render(new FixIntent.AddUpgradeAuth(JsSources.of(path, text).endpoint()), path, text, context);
  }

  private static Optional<Fix> origins(String path, String text) {
    return render(new FixIntent.RestrictOrigins(JsSources.of(path, text).endpoint()), path, text, FixContext.EMPTY);
  }

  private static Optional<Fix> permission(String path, String text, String event) {
    Endpoint e = JsSources.of(path, text).endpoint();
    return render(new FixIntent.AddPermissionCheck(e, handler(e, event)), path, text, FixContext.EMPTY);
  }

  private static MessageHandler handler(Endpoint e, String event) {
    return e.handlers().stream().filter(h -> event.equals(h.messageType())).findFirst().orElseThrow();
  }

  private static String apply(String text, Fix... fixes) {
    List<TextEdit> edits = new ArrayList<>();
    for (Fix f : fixes) {
      edits.addAll(f.edits());
    }
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), edits), StandardCharsets.UTF_8);
  }

  private static SourceLocation at(String path) {
    return new SourceLocation(path, 1, 1, 1, 2, 0, 1);
  }

  // ---- handleConnection ----

  @Test
  void addsAHandleConnectionThatDisconnectsUntilTheCheckIsWired() {
    String text = """
        import { WebSocketGateway, WebSocketServer, SubscribeMessage } from '@nestjs/websockets';
        import { Server } from 'socket.io';

        @WebSocketGateway({ namespace: 'chat' })
        export class ChatGateway {
          @WebSocketServer()
          server: Server;

          @SubscribeMessage('ping')
          ping() {
            return 'pong';
          }
        }
        """;
    Fix fix = upgradeAuth(PATH, text, FixContext.EMPTY).orElseThrow();
    String patched = apply(text, fix);
    assertEquals("""
        import { OnGatewayConnection, WebSocketGateway, WebSocketServer, SubscribeMessage } from '@nestjs/websockets';
        import { Server, Socket } from 'socket.io';

        @WebSocketGateway({ namespace: 'chat' })
        export class ChatGateway implements OnGatewayConnection {
          @WebSocketServer()
          server: Server;

          handleConnection(client: Socket): void {
            const token = client.handshake.auth?.token ?? client.handshake.headers.authorization?.replace(/^Bearer /, '');
            const user = this.authenticateConnection(token);
            if (!user) {
              client.disconnect(true);
              return;
            }
            client.data.user = user;
          }

          // Rejects every connection until it is wired to the app's own check of the token (verified with the app's
          // key, e.g. JwtService.verify): return the user, or null to disconnect.
          private authenticateConnection(token: string | undefined): object | null {
            return null;
          }

          @SubscribeMessage('ping')
          ping() {
            return 'pong';
          }
        }
        """, patched);
    HandshakeGuard guard = JsSources.of(PATH, patched).endpoint().guards(GuardKind.AUTHENTICATION).get(0);
    assertEquals(Strength.VERIFIED, guard.strength());
    assertEquals(Coverage.ALL_PATHS, guard.coverage());
  }

  @Test
  void callsTheMethodOfAnInjectedServiceTheFrontEndKnowsAsAVerifier() {
    String text = """
        import { WebSocketGateway, OnGatewayInit } from '@nestjs/websockets';
        import { Socket } from 'socket.io';
        import { AuthService } from '../auth/auth.service';

        @WebSocketGateway({ namespace: 'chat' })
        export class ChatGateway implements OnGatewayInit {
          constructor(private readonly authService: AuthService) {}

          afterInit() {}
        }
        """;
    Verifier service = new Verifier("AuthService.verifyAccessToken", null, at("src/auth/auth.service.ts"),
        Verifier.Input.TOKEN, Verifier.Failure.THROWS, true, true);
    String patched = apply(text, upgradeAuth(PATH, text, new FixContext(List.of(service))).orElseThrow());
    assertTrue(patched.contains("export class ChatGateway implements OnGatewayInit, OnGatewayConnection {"), patched);
    assertTrue(patched.contains("""
          constructor(private readonly authService: AuthService) {}

          async handleConnection(client: Socket): Promise<void> {
            const token = client.handshake.auth?.token ?? client.handshake.headers.authorization?.replace(/^Bearer /, '');
            try {
              client.data.user = await this.authService.verifyAccessToken(token);
            } catch {
              client.disconnect(true);
            }
          }

          afterInit() {}
        """), patched);
    assertTrue(!patched.contains("authenticateConnection"), patched);
  }

  @Test
  void callsAVerifierFunctionOfTheProjectWithItsImport() {
    String text = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';
        import { UsersService } from '../users/users.service';

        @WebSocketGateway()
        export class ChatGateway {
          constructor(private readonly users: UsersService) {}
        }
        """;
    // the gateway's own imports reach src/: a verifier there is the same app's
    Verifier function = new Verifier("verifySocketToken", null, at("src/auth/tokens.ts"), Verifier.Input.TOKEN,
        Verifier.Failure.RETURNS_FALSY, false, false);
    String patched = apply(text, upgradeAuth(PATH, text, new FixContext(List.of(function))).orElseThrow());
    assertTrue(patched.contains("import { verifySocketToken } from '../auth/tokens';"), patched);
    assertTrue(patched.contains("    const user = verifySocketToken(token);\n    if (!user) {\n"), patched);
  }

  @Test
  void onTheWsAdapterHandsTheUpgradeRequestToTheCheckAndClosesWith1008() {
    String text = """
        import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
        import { Server } from 'ws';

        @WebSocketGateway({ path: '/game' })
        export class GameGateway {
          @WebSocketServer()
          server: Server;
        }
        """;
    String patched = apply(text, upgradeAuth(PATH, text, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("import { Server, WebSocket } from 'ws';\nimport { IncomingMessage } from 'http';\n"),
        patched);
    assertTrue(patched.contains("""
          handleConnection(client: WebSocket, request: IncomingMessage): void {
            const user = this.authenticateConnection(request);
            if (!user) {
              client.close(1008);
              return;
            }
          }
        """), patched);
    assertEquals(Strength.VERIFIED,
        JsSources.of(PATH, patched).endpoint().guards(GuardKind.AUTHENTICATION).get(0).strength());
  }

  @Test
  void plainJavaScriptGetsNoTypesAndNoImplementsClause() {
    String text = """
        import { WebSocketGateway, SubscribeMessage } from '@nestjs/websockets';
        import { Server } from 'socket.io';

        @WebSocketGateway(8081)
        export class TickerGateway {
          @SubscribeMessage('subscribe')
          handleSubscribe(client, data) {
            client.join(data.symbol);
          }
        }
        """;
    String patched = apply(text, upgradeAuth("ticker.gateway.js", text, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("export class TickerGateway {\n  handleConnection(client) {\n"), patched);
    assertTrue(patched.contains("  authenticateConnection(token) {\n    return null;\n  }\n\n  @SubscribeMessage"),
        patched);
    assertTrue(patched.startsWith("import { WebSocketGateway, SubscribeMessage } from '@nestjs/websockets';"),
        patched);
  }

  @Test
  void refusesAGatewayThatAlreadyHasAHandleConnection() {
    String text = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';

        @WebSocketGateway()
        export class ChatGateway {
          handleConnection(client: Socket) {
            console.log(client.id);
          }
        }
        """;
    assertEquals(Optional.empty(), upgradeAuth(PATH, text, FixContext.EMPTY));
  }

  @Test
  void refusesAGatewayWhoseAdapterTheFileDoesNotShow() {
    String text = """
        import { WebSocketGateway, SubscribeMessage } from '@nestjs/websockets';

        @WebSocketGateway()
        export class ChatGateway {
          @SubscribeMessage('ping')
          ping() {
            return 'pong';
          }
        }
        """;
    assertEquals(Optional.empty(), upgradeAuth(PATH, text, FixContext.EMPTY));
    assertEquals(Optional.empty(), origins(PATH, text));
  }

  @Test
  void refusesAGatewayWithMiddlewareInAfterInit() {
    String text = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Namespace } from 'socket.io';
        import * as jwt from 'jsonwebtoken';

        @WebSocketGateway({ namespace: 'docs' })
        export class DocsGateway {
          afterInit(server: Namespace) {
            server.use((socket, next) => {
              socket.data.user = jwt.decode(socket.handshake.auth.token);
              next();
            });
          }
        }
        """;
    assertEquals(Optional.empty(), upgradeAuth(PATH, text, FixContext.EMPTY));
  }

  // ---- allowRequest ----

  @Test
  void addsAnAllowRequestOptionThatTheRecogniserReadsAsAnAllowList() {
    String text = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';

        // presence for the dashboard
        @WebSocketGateway(4001)
        export class PresenceGateway {}
        """;
    String patched = apply(text, origins(PATH, text).orElseThrow());
    assertEquals("""
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';

        // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
        const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

        // engine.io runs allowRequest on the handshake and upgrade requests: any other Origin gets 403 before Socket.IO
        // connects. Nest builds one Socket.IO server per port and path, from the options of the first gateway on it.
        function allowOrigin(
          req: { headers: { origin?: string } },
          callback: (err: string | null, success: boolean) => void,
        ): void {
          callback(null, ALLOWED_ORIGINS.has(req.headers.origin ?? ''));
        }

        // presence for the dashboard
        @WebSocketGateway(4001, { allowRequest: allowOrigin })
        export class PresenceGateway {}
        """, patched);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, JsSources.of(PATH, patched).endpoint().originPolicy().kind());
  }

  @Test
  void addsTheOptionsObjectToABareDecoratorAndThePropertyToAMultilineOne() {
    String bare = """
        import { Logger } from "@nestjs/common"
        import { WebSocketGateway } from "@nestjs/websockets"
        import { Socket } from "socket.io"

        const logger = new Logger("LiveGateway")

        @WebSocketGateway()
        export class LiveGateway {}
        """;
    String patched = apply(bare, origins(PATH, bare).orElseThrow());
    assertTrue(patched.contains("@WebSocketGateway({ allowRequest: allowOrigin })\n"), patched);
    assertTrue(patched.contains("callback(null, ALLOWED_ORIGINS.has(req.headers.origin ?? \"\"))\n"), patched);
    String multiline = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';

        @WebSocketGateway({
          namespace: 'cart',
          transports: ['websocket'],
        })
        export class G {}
        """;
    assertTrue(apply(multiline, origins(PATH, multiline).orElseThrow()).contains("""
        @WebSocketGateway({
          namespace: 'cart',
          transports: ['websocket'],
          allowRequest: allowOrigin,
        })
        """));
  }

  @Test
  void refusesOptionsHeldInAConstantAndTheWsAdapter() {
    String constant = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';

        const OPTIONS = { namespace: 'cart' };

        @WebSocketGateway(OPTIONS)
        export class G {}
        """;
    assertEquals(Optional.empty(), origins(PATH, constant));
    String ws = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { WebSocket } from 'ws';

        @WebSocketGateway({ path: '/live' })
        export class G {}
        """;
    assertEquals(Optional.empty(), origins(PATH, ws));
  }

  // ---- permission checks ----

  @Test
  void checksThePermissionOfTheUserTheHandshakeStoredAndGivesTheHandlerItsClient() {
    String text = """
        import { WebSocketGateway, SubscribeMessage, MessageBody } from '@nestjs/websockets';
        import { JwtService } from '@nestjs/jwt';
        import { Socket } from 'socket.io';

        @WebSocketGateway({ namespace: 'boards' })
        export class BoardsGateway {
          constructor(private readonly jwt: JwtService, private readonly boards: BoardsService) {}

          async handleConnection(client: Socket) {
            try {
              client.data.member = await this.jwt.verifyAsync(client.handshake.auth.token);
            } catch {
              client.disconnect(true);
            }
          }

          @SubscribeMessage('archiveBoard')
          async archive(@MessageBody('boardId') boardId: string) {
            await this.boards.deleteBoard(boardId);
          }
        }
        """;
    String patched = apply(text, permission(PATH, text, "archiveBoard").orElseThrow());
    assertTrue(patched.startsWith(
        "import { ConnectedSocket, WebSocketGateway, WsException, SubscribeMessage, MessageBody } from"), patched);
    assertTrue(patched.contains("""
          @SubscribeMessage('archiveBoard')
          async archive(@ConnectedSocket() client: Socket, @MessageBody('boardId') boardId: string) {
            if (!this.canPerform(client.data.member, 'archiveBoard')) {
              throw new WsException('Forbidden');
            }
            await this.boards.deleteBoard(boardId);
          }

          // Refuses every action until it is wired to the app's permission rules: return true only when the
          // connection's user may perform the action (a role it holds, or ownership of what the message targets).
          private canPerform(user: unknown, action: string): boolean {
            return false;
          }
        }
        """), patched);
    assertEquals(PermissionCheck.PRESENT, handler(JsSources.of(PATH, patched).endpoint(), "archiveBoard")
        .permissionCheck());
  }

  @Test
  void addsToARequireListAndUsesThePositionalClientInPlainJavaScript() {
    String text = """
        const { WebSocketGateway, SubscribeMessage } = require('@nestjs/websockets');
        const { Server } = require('socket.io');

        @WebSocketGateway()
        class AdminGateway {
          constructor(users) {
            this.users = users;
          }

          @SubscribeMessage('ban')
          handleBan(socket, data) {
            this.users.ban(data.userId);
          }
        }

        module.exports = { AdminGateway };
        """;
    String patched = apply(text, permission("admin.gateway.js", text, "ban").orElseThrow());
    assertTrue(patched.startsWith(
        "const { WebSocketGateway, WsException, SubscribeMessage } = require('@nestjs/websockets');"), patched);
    assertTrue(patched.contains("""
            if (!this.canPerform(socket.data.user, 'ban')) {
              throw new WsException('Forbidden');
            }
            this.users.ban(data.userId);
        """), patched);
    assertTrue(patched.contains("  canPerform(user, action) {\n    return false;\n  }\n}\n"), patched);
    assertEquals(PermissionCheck.PRESENT, handler(JsSources.of("admin.gateway.js", patched).endpoint(), "ban")
        .permissionCheck());
  }

  @Test
  void refusesTheWsAdapterAndComputedEvents() {
    String ws = """
        import { WebSocketGateway, SubscribeMessage, MessageBody } from '@nestjs/websockets';
        import { WebSocket } from 'ws';

        @WebSocketGateway({ path: '/devices' })
        export class DevicesGateway {
          @SubscribeMessage('reboot')
          async reboot(@MessageBody() data: { deviceId: string }) {
            await this.devices.reboot(data.deviceId);
          }
        }
        """;
    assertEquals(Optional.empty(), permission(PATH, ws, "reboot"));
    String computed = """
        import { WebSocketGateway, SubscribeMessage, MessageBody } from '@nestjs/websockets';
        import { Socket } from 'socket.io';

        const EVENTS = { purge: 'purge' };

        @WebSocketGateway()
        export class AdminGateway {
          @SubscribeMessage(EVENTS.purge)
          async purge(@MessageBody() body: { id: string }) {
            await this.records.deleteMany(body.id);
          }
        }
        """;
    Endpoint e = JsSources.of(PATH, computed).endpoint();
    assertEquals(Optional.empty(),
        render(new FixIntent.AddPermissionCheck(e, e.handlers().get(0)), PATH, computed, FixContext.EMPTY));
  }

  // ---- broadcasts ----

  private static final String ORDERS = """
      import { WebSocketGateway, WebSocketServer, SubscribeMessage, MessageBody, ConnectedSocket } from '@nestjs/websockets';
      import { JwtService } from '@nestjs/jwt';
      import { Server, Socket } from 'socket.io';

      @WebSocketGateway({ namespace: 'orders' })
      export class OrdersGateway {
        @WebSocketServer() server: Server;

        constructor(private readonly jwt: JwtService, private readonly orders: OrdersService) {}

        async handleConnection(socket: Socket) {
          try {
            const claims = await this.jwt.verifyAsync(socket.handshake.auth.token);
            socket.data.userId = claims.sub;
          } catch {
            socket.disconnect(true);
          }
        }

        @SubscribeMessage('orderStatus')
        async status(@ConnectedSocket() socket: Socket, @MessageBody() body: { orderId: string }) {
          const order = await this.orders.findForCustomer(socket.data.userId, body.orderId);
          this.server.emit('orderStatus', order);
        }
      %s}
      """;

  private static Optional<Fix> scope(String text) {
    Endpoint e = JsSources.of(PATH, text).endpoint();
    return render(new FixIntent.ScopeSendToUser(e, e.sends().stream()
        .filter(x -> x.audience() == Audience.ALL_CONNECTIONS).findFirst().orElseThrow()), PATH, text,
        FixContext.EMPTY);
  }

  @Test
  void sendsToTheUsersOwnRoomThatHandleConnectionJoins() {
    String text = ORDERS.formatted("");
    String patched = apply(text, scope(text).orElseThrow());
    assertTrue(patched.contains("""
              socket.data.userId = claims.sub;
              socket.join(`user:${socket.data.userId}`);
            } catch {
        """), patched);
    assertTrue(patched.contains("    this.server.to(`user:${socket.data.userId}`).emit('orderStatus', order);\n"),
        patched);
    assertTrue(JsSources.of(PATH, patched).endpoint().sends().stream()
        .noneMatch(x -> x.audience() == Audience.ALL_CONNECTIONS), patched);
  }

  @Test
  void refusesWhereTheGatewayDoesNotSayWhatTheUsersIdIs() {
    String objectUser = ORDERS.formatted("").replace("socket.data.userId = claims.sub;", "socket.data.user = claims;")
        .replace("findForCustomer(socket.data.userId,", "findForCustomer(socket.data.user,");
    assertEquals(Optional.empty(), scope(objectUser));
    String noClient = ORDERS.formatted("").replace("@ConnectedSocket() socket: Socket, ", "")
        .replace("findForCustomer(socket.data.userId,", "findForCustomer(body.customerId,");
    assertEquals(Optional.empty(), scope(noClient));
    String ownRooms = ORDERS.formatted("").replace("socket.data.userId = claims.sub;",
        "socket.data.userId = claims.sub;\n        socket.join(`customer-${claims.sub}`);");
    assertEquals(Optional.empty(), scope(ownRooms.replace("customer-", "user-")));
  }

  // ---- JwtService.decode ----

  @Test
  void jwtServiceDecodeBecomesAVerifyingMethodThatAnswersNull() {
    String text = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { JwtService } from '@nestjs/jwt';
        import { Socket } from 'socket.io';

        @WebSocketGateway()
        export class ChatGateway {
          constructor(private jwtService: JwtService) {}

          handleConnection(client: Socket) {
            const payload = this.jwtService.decode(client.handshake.auth.token);
            if (!payload) {
              client.disconnect();
              return;
            }
            client.data.user = payload;
          }
        }
        """;
    List<TokenUse> uses = JsSources.of(PATH, text).tokenUses();
    Fix fix = render(new FixIntent.VerifyToken(uses.get(0)), PATH, text, FixContext.EMPTY).orElseThrow();
    String patched = apply(text, fix);
    assertTrue(patched.contains("const payload = this.verifiedClaims(client.handshake.auth.token);"), patched);
    assertTrue(patched.contains("""
            client.data.user = payload;
          }

          // this.jwtService.verify in place of decode: checks the signature and expiry with the key JwtModule is configured
          // with, and gives null when they fail, as decode gives null for a malformed token
          private verifiedClaims(token: string) {
            try {
              return this.jwtService.verify(token);
            } catch {
              return null;
            }
          }
        }
        """), patched);
    JsSources after = JsSources.of(PATH, patched);
    assertTrue(after.tokenUses().stream().allMatch(TokenUse::signatureChecked), after.tokenUses().toString());
    assertEquals(Strength.VERIFIED, after.endpoint().guards(GuardKind.AUTHENTICATION).get(0).strength());
  }

  @Test
  void refusesAJwtServiceDecodeWhoseResultIsDestructured() {
    String text = """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { JwtService } from '@nestjs/jwt';
        import { Socket } from 'socket.io';

        @WebSocketGateway()
        export class ChatGateway {
          constructor(private jwtService: JwtService) {}

          handleConnection(client: Socket) {
            const { sub } = this.jwtService.decode(client.handshake.auth.token);
            client.data.userId = sub;
          }
        }
        """;
    List<TokenUse> uses = JsSources.of(PATH, text).tokenUses();
    assertEquals(Optional.empty(), render(new FixIntent.VerifyToken(uses.get(0)), PATH, text, FixContext.EMPTY));
  }
}
