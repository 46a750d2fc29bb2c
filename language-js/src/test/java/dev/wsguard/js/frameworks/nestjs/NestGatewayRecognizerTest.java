package dev.wsguard.js.frameworks.nestjs;

import static dev.wsguard.js.JsSources.auth;
import static dev.wsguard.js.JsSources.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.js.JsSources;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NestGatewayRecognizerTest {

  private static final String IMPORTS = """
      import { WebSocketGateway, WebSocketServer, SubscribeMessage, MessageBody, ConnectedSocket, WsException }
        from '@nestjs/websockets';
      import { UseGuards } from '@nestjs/common';
      import { JwtService } from '@nestjs/jwt';
      import { Server, Socket } from 'socket.io';
      """;

  private static JsSources gateway(String classBody) {
    return JsSources.of("chat.gateway.ts", IMPORTS + """
        @WebSocketGateway({ namespace: 'chat' })
        export class ChatGateway {
          @WebSocketServer() server: Server;
          constructor(private readonly jwtService: JwtService, private readonly rooms: RoomsService) {}
        """ + classBody + "\n}\n");
  }

  private static HandshakeGuard connectionGuard(JsSources sources) {
    return auth(sources.endpoint(), GuardPlace.CONNECTION);
  }

  // ---- recognising gateways ----

  @ParameterizedTest
  @ValueSource(strings = {
    "import { WebSocketGateway } from '@nestjs/websockets';\n@WebSocketGateway()\nexport class G {}",
    "import { WebSocketGateway } from '@nestjs/websockets';\n@WebSocketGateway(3001)\nclass G {}",
    "import { WebSocketGateway } from '@nestjs/websockets';\n@WebSocketGateway(3001, { namespace: 'x' })\nclass G {}",
    "import { WebSocketGateway as Gw } from '@nestjs/websockets';\n@Gw({ cors: { origin: '*' } })\nexport class G {}",
    "import * as ws from '@nestjs/websockets';\n@ws.WebSocketGateway({ path: '/x' })\nexport class G {}",
  })
  void recognisesEveryDecoratorForm(String source) {
    JsSources sources = JsSources.of("g.gateway.ts", source);
    Endpoint e = sources.endpoint();
    assertEquals(Framework.NESTJS_GATEWAY, e.framework());
    assertEquals(2, e.declaration().startLine());
    assertTrue(sources.text(e.declaration()).startsWith("@"), sources.text(e.declaration()));
  }

  @Test
  void recognisesPlainJavaScriptGateways() {
    JsSources sources = JsSources.of("ticker.gateway.js", """
        const { WebSocketGateway } = require('@nestjs/websockets');
        @WebSocketGateway(8081)
        class TickerGateway {}
        module.exports = { TickerGateway };
        """);
    assertEquals(Framework.NESTJS_GATEWAY, sources.endpoint().framework());
  }

  @Test
  void ignoresDecoratorsOfOtherModules() {
    JsSources sources = JsSources.of("fake.ts", """
        import { Injectable } from '@nestjs/common';
        const WebSocketGateway = () => (target: unknown) => target;
        @WebSocketGateway()
        @Injectable()
        export class NotAGateway {}
        """);
    assertTrue(sources.link().get(0).endpoints().isEmpty());
  }

  @Test
  void readsThePathOptionAndLeavesTheOriginOpenWhateverCorsSays() {
    JsSources sources = JsSources.of("g.gateway.ts", """
        import { WebSocketGateway } from '@nestjs/websockets';
        @WebSocketGateway(4000, { path: '/live', cors: { origin: ['https://app.example.com'] } })
        export class LiveGateway {}
        """);
    Endpoint e = sources.endpoint();
    assertEquals(List.of("/live"), e.paths());
    assertEquals(dev.wsguard.core.model.OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void readsAnAllowRequestOriginListAsTheOriginPolicy() {
    Endpoint e = JsSources.of("g.gateway.ts", """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';
        const ORIGINS = ['https://app.example.com'];
        @WebSocketGateway({
          allowRequest: (req, callback) => callback(null, ORIGINS.includes(req.headers.origin ?? '')),
        })
        export class FeedGateway {}
        """).endpoint();
    assertEquals(dev.wsguard.core.model.OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
    assertEquals(GuardPlace.HANDSHAKE, e.guards(GuardKind.ORIGIN).get(0).place());
  }

  @Test
  void anAllowRequestThatLetsEveryOriginThroughIsNoOriginCheck() {
    Endpoint e = JsSources.of("g.gateway.ts", """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';
        function allowAll(req, callback) {
          callback(null, true);
        }
        @WebSocketGateway({ allowRequest: allowAll })
        export class FeedGateway {}
        """).endpoint();
    assertEquals(dev.wsguard.core.model.OriginPolicy.Kind.ANY, e.originPolicy().kind());
  }

  @Test
  void allowRequestOnTheWsAdapterIsIgnoredAndSaidSo() {
    Endpoint e = JsSources.of("g.gateway.ts", """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { WebSocket } from 'ws';
        const ORIGINS = ['https://app.example.com'];
        @WebSocketGateway({ allowRequest: (req, cb) => cb(null, ORIGINS.includes(req.headers.origin)) })
        export class FeedGateway {}
        """).endpoint();
    assertEquals(dev.wsguard.core.model.OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertTrue(e.unknowns().stream().anyMatch(u -> u.contains("ws adapter")), e.unknowns().toString());
  }

  // ---- handleConnection ----

  @Test
  void verificationThatDisconnectsOnFailureAuthenticatesTheConnection() {
    HandshakeGuard g = connectionGuard(gateway("""
          async handleConnection(client: Socket) {
            try {
              client.data.user = await this.jwtService.verifyAsync(client.handshake.auth.token);
            } catch {
              client.disconnect(true);
            }
          }
        """));
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
  }

  @Test
  void readsSocketIoHandshakeAuthAsAnExplicitToken() {
    Endpoint e = gateway("""
          async handleConnection(client: Socket) {
            try {
              client.data.user = await this.jwtService.verifyAsync(client.handshake.auth.token);
            } catch {
              client.disconnect(true);
            }
          }
        """).endpoint();
    assertEquals(java.util.Set.of(CredentialSource.FIRST_MESSAGE_TOKEN), e.credentials());
  }

  @Test
  void throwingInHandleConnectionFailsOpen() {
    HandshakeGuard g = connectionGuard(gateway("""
          async handleConnection(client: Socket) {
            const token = client.handshake.auth?.token;
            if (!token) {
              throw new WsException('Unauthorized');
            }
            try {
              client.data.user = await this.jwtService.verifyAsync(token);
            } catch {
              client.disconnect();
            }
          }
        """));
    assertEquals(Strength.FAILS_OPEN, g.strength());
  }

  @Test
  void verificationWhoseFailureEscapesFailsOpen() {
    HandshakeGuard g = connectionGuard(gateway("""
          handleConnection(client: Socket) {
            const payload = this.jwtService.verify(client.handshake.headers.authorization);
            client.data.user = payload;
          }
        """));
    assertEquals(Strength.FAILS_OPEN, g.strength());
    assertTrue(g.related().stream().anyMatch(r -> r.message().contains("without disconnecting")),
        g.related().toString());
  }

  @Test
  void handleConnectionThatOnlyLogsIsNoGuard() {
    Endpoint e = gateway("""
          handleConnection(client: Socket) {
            console.log(`connected ${client.id} as ${client.handshake.query.user}`);
          }
        """).endpoint();
    assertTrue(e.guards(GuardKind.AUTHENTICATION).isEmpty(), e.guards().toString());
  }

  @Test
  void aSendBeforeTheVerificationFailsOpen() {
    HandshakeGuard g = connectionGuard(gateway("""
          async handleConnection(client: Socket) {
            client.emit('rooms', await this.rooms.listPrivate());
            try {
              client.data.user = await this.jwtService.verifyAsync(client.handshake.auth.token);
            } catch {
              client.disconnect();
            }
          }
        """));
    assertEquals(Strength.FAILS_OPEN, g.strength());
  }

  @Test
  void anErrorSentRightBeforeDisconnectingExposesNothing() {
    HandshakeGuard g = connectionGuard(gateway("""
          async handleConnection(client: Socket) {
            const token = client.handshake.auth.token;
            if (!token) {
              client.emit('error', 'missing token');
              client.disconnect();
              return;
            }
            try {
              client.data.user = await this.jwtService.verifyAsync(token);
            } catch {
              client.disconnect();
            }
          }
        """));
    assertEquals(Strength.VERIFIED, g.strength());
  }

  @Test
  void theWsAdapterClosesTheClientAndPassesTheRequest() {
    JsSources sources = JsSources.of("t.gateway.ts", """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { WebSocket } from 'ws';
        import { IncomingMessage } from 'http';
        import { JwtService } from '@nestjs/jwt';
        @WebSocketGateway({ path: '/t' })
        export class TGateway {
          constructor(private jwt: JwtService) {}
          handleConnection(client: WebSocket, req: IncomingMessage) {
            try {
              this.jwt.verify(req.headers.authorization ?? '');
            } catch {
              client.close(4401);
            }
          }
        }
        """);
    HandshakeGuard g = auth(sources.endpoint(), GuardPlace.CONNECTION);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(java.util.Set.of(CredentialSource.HEADER_TOKEN), sources.endpoint().credentials());
  }

  @Test
  void anInjectedAuthServiceOfAnotherFileIsReadAtLinkTime() {
    JsSources sources = JsSources.of("src/events.gateway.ts", """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';
        import { AuthService } from './auth.service';
        @WebSocketGateway()
        export class EventsGateway {
          constructor(private readonly auth: AuthService) {}
          async handleConnection(client: Socket) {
            const user = await this.auth.userFromToken(client.handshake.auth.token);
            if (!user) {
              return client.disconnect(true);
            }
            client.data.user = user;
          }
        }
        """).with("src/auth.service.ts", """
        import { Injectable } from '@nestjs/common';
        import { JwtService } from '@nestjs/jwt';
        @Injectable()
        export class AuthService {
          constructor(private readonly jwt: JwtService) {}
          async userFromToken(token: string) {
            try {
              return await this.jwt.verifyAsync(token);
            } catch {
              return null;
            }
          }
        }
        """);
    HandshakeGuard g = auth(sources.endpoint(), GuardPlace.CONNECTION);
    assertEquals(Strength.VERIFIED, g.strength());
    TokenUse use = sources.tokenUses().get(0);
    assertEquals("src/auth.service.ts", use.location().path());
    assertEquals(sources.endpoint().declaration(), use.endpointDeclaration());
  }

  @Test
  void anInjectedHelperThatThrowsFailsOpenWhenNothingCatchesIt() {
    JsSources sources = JsSources.of("src/events.gateway.ts", """
        import { WebSocketGateway } from '@nestjs/websockets';
        import { Socket } from 'socket.io';
        import { AuthService } from './auth.service';
        @WebSocketGateway()
        export class EventsGateway {
          constructor(private readonly auth: AuthService) {}
          async handleConnection(client: Socket) {
            client.data.user = await this.auth.verifyToken(client.handshake.auth.token);
          }
        }
        """).with("src/auth.service.ts", """
        import { Injectable, UnauthorizedException } from '@nestjs/common';
        import { JwtService } from '@nestjs/jwt';
        @Injectable()
        export class AuthService {
          constructor(private readonly jwt: JwtService) {}
          verifyToken(token: string) {
            try {
              return this.jwt.verify(token);
            } catch {
              throw new UnauthorizedException();
            }
          }
        }
        """);
    assertEquals(Strength.FAILS_OPEN, auth(sources.endpoint(), GuardPlace.CONNECTION).strength());
  }

  // ---- afterInit middleware ----

  @Test
  void socketIoMiddlewareInAfterInitAuthenticatesTheHandshake() {
    HandshakeGuard g = auth(gateway("""
          afterInit(server: Server) {
            server.use(async (socket, next) => {
              try {
                socket.data.user = await this.jwtService.verifyAsync(socket.handshake.auth.token);
                next();
              } catch (e) {
                next(new Error('unauthorized'));
              }
            });
          }
        """).endpoint(), GuardPlace.HANDSHAKE);
    assertEquals(Strength.VERIFIED, g.strength());
  }

  @Test
  void middlewareThatCallsNextOnFailureFailsOpen() {
    Endpoint e = gateway("""
          afterInit(server: Server) {
            server.use((socket, next) => {
              try {
                socket.data.user = this.jwtService.verify(socket.handshake.auth.token);
              } catch {
                console.warn('anonymous socket');
              }
              next();
            });
          }
        """).endpoint();
    assertFalse(e.authenticated());
  }

  // ---- message handlers and guards ----

  @Test
  void subscribeMessageMethodsAreHandlersWithTheirEvent() {
    Endpoint e = gateway("""
          @SubscribeMessage('deleteRoom')
          async remove(@MessageBody() body: { roomId: string }) {
            await this.rooms.deleteRoom(body.roomId);
          }
        """).endpoint();
    MessageHandler h = handler(e, "deleteRoom");
    assertTrue(h.privileged());
    assertEquals(PermissionCheck.ABSENT, h.permissionCheck());
    assertEquals("body.roomId", h.clientSuppliedId());
  }

  @Test
  void undecoratedParametersAreClientThenData() {
    Endpoint e = gateway("""
          @SubscribeMessage('kick')
          kick(client, data) {
            this.rooms.removeMember(data.roomId, data.userId);
          }
        """).endpoint();
    assertEquals("data.roomId", handler(e, "kick").clientSuppliedId());
  }

  @Test
  void anOwnershipCheckAgainstTheSocketsUserIsAPermissionCheck() {
    Endpoint e = gateway("""
          @SubscribeMessage('deleteMessage')
          async remove(@ConnectedSocket() client: Socket, @MessageBody() body: { id: string }) {
            const message = await this.rooms.findMessage(body.id);
            if (message.authorId !== client.data.user.sub) {
              throw new WsException('Forbidden');
            }
            await this.rooms.deleteMessage(body.id);
          }
        """).endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "deleteMessage").permissionCheck());
  }

  @Test
  void aGuardOfTheFileThatChecksRolesIsAPermissionCheck() {
    JsSources sources = JsSources.of("admin.gateway.ts", IMPORTS + """
        import { CanActivate, ExecutionContext } from '@nestjs/common';
        class AdminGuard implements CanActivate {
          canActivate(context: ExecutionContext) {
            const user = context.switchToWs().getClient().data.user;
            return user?.role === 'admin';
          }
        }
        @WebSocketGateway()
        @UseGuards(AdminGuard)
        export class AdminGateway {
          constructor(private readonly users: UsersService) {}
          @SubscribeMessage('ban')
          ban(@MessageBody() userId: string) {
            return this.users.banUser(userId);
          }
        }
        """);
    MessageHandler h = handler(sources.endpoint(), "ban");
    assertEquals(PermissionCheck.PRESENT, h.permissionCheck());
    assertNull(h.clientSuppliedId());
  }

  @Test
  void aGuardThatOnlyAuthenticatesIsNoPermissionCheck() {
    JsSources sources = JsSources.of("admin.gateway.ts", IMPORTS + """
        import { CanActivate, ExecutionContext } from '@nestjs/common';
        class WsJwtGuard implements CanActivate {
          constructor(private readonly jwt: JwtService) {}
          canActivate(context: ExecutionContext) {
            const client = context.switchToWs().getClient();
            const payload = this.jwt.verify(client.handshake.auth.token);
            client.data.user = { id: payload.sub, role: payload.role };
            return true;
          }
        }
        @WebSocketGateway()
        export class AdminGateway {
          constructor(private readonly users: UsersService) {}
          @UseGuards(WsJwtGuard)
          @SubscribeMessage('ban')
          ban(@MessageBody() dto: { userId: string }) {
            return this.users.banUser(dto.userId);
          }
        }
        """);
    Endpoint e = sources.endpoint();
    assertEquals(PermissionCheck.ABSENT, handler(e, "ban").permissionCheck());
    // guards run per message, never on the connection
    assertTrue(e.guards(GuardKind.AUTHENTICATION).isEmpty(), e.guards().toString());
  }

  @Test
  void passportsAuthGuardIsNoPermissionCheck() {
    JsSources sources = JsSources.of("g.gateway.ts", IMPORTS + """
        import { AuthGuard } from '@nestjs/passport';
        @WebSocketGateway()
        @UseGuards(AuthGuard('jwt'))
        export class G {
          constructor(private readonly users: UsersService) {}
          @SubscribeMessage('promote')
          promote(@MessageBody() dto: { userId: string }) {
            return this.users.promote(dto.userId);
          }
        }
        """);
    assertEquals(PermissionCheck.ABSENT, handler(sources.endpoint(), "promote").permissionCheck());
  }

  @Test
  void aRolesRequirementWithAnImportedGuardIsAPermissionCheck() {
    JsSources sources = JsSources.of("g.gateway.ts", IMPORTS + """
        import { RolesGuard } from './roles.guard';
        import { Roles } from './roles.decorator';
        @WebSocketGateway()
        export class G {
          constructor(private readonly users: UsersService) {}
          @Roles('admin')
          @UseGuards(RolesGuard)
          @SubscribeMessage('promote')
          promote(@MessageBody() dto: { userId: string }) {
            return this.users.promote(dto.userId);
          }
          @UseGuards(RolesGuard)
          @SubscribeMessage('demote')
          demote(@MessageBody() dto: { userId: string }) {
            return this.users.demote(dto.userId);
          }
        }
        """);
    Endpoint e = sources.endpoint();
    assertEquals(PermissionCheck.PRESENT, handler(e, "promote").permissionCheck());
    assertEquals(PermissionCheck.UNKNOWN, handler(e, "demote").permissionCheck());
  }

  private static JsSources importedGuard(String guardBody) {
    return JsSources.of("src/admin.gateway.ts", IMPORTS + """
        import { AdminGuard } from './admin.guard';
        @WebSocketGateway()
        export class AdminGateway {
          constructor(private readonly users: UsersService) {}
          @UseGuards(AdminGuard)
          @SubscribeMessage('ban')
          ban(@MessageBody() dto: { userId: string }) {
            return this.users.banUser(dto.userId);
          }
        }
        """).with("src/admin.guard.ts", """
        import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
        import { JwtService } from '@nestjs/jwt';
        @Injectable()
        export class AdminGuard implements CanActivate {
          constructor(private readonly jwt: JwtService) {}
          canActivate(context: ExecutionContext): boolean {
        """ + guardBody + """
          }
        }
        """);
  }

  @Test
  void anImportedGuardThatChecksTheRoleIsAPermissionCheckAtLinkTime() {
    MessageHandler h = handler(importedGuard("""
            const user = context.switchToWs().getClient().data.user;
            if (!user || !user.roles.includes('admin')) {
              return false;
            }
            return true;
        """).endpoint(), "ban");
    assertEquals(PermissionCheck.PRESENT, h.permissionCheck());
    assertTrue(h.evidence().stream().anyMatch(r -> r.location().path().equals("src/admin.guard.ts")),
        h.evidence().toString());
  }

  @Test
  void anImportedGuardThatOnlyVerifiesTheTokenLeavesTheHandlerUnchecked() {
    MessageHandler h = handler(importedGuard("""
            const client = context.switchToWs().getClient();
            client.data.user = this.jwt.verify(client.handshake.auth.token);
            return true;
        """).endpoint(), "ban");
    assertEquals(PermissionCheck.ABSENT, h.permissionCheck());
    assertEquals("dto.userId", h.clientSuppliedId());
  }

  @Test
  void anImportedGuardThatWasNotAnalysedStaysUnknown() {
    JsSources sources = JsSources.of("src/admin.gateway.ts", IMPORTS + """
        import { AdminGuard } from './admin.guard';
        @WebSocketGateway()
        @UseGuards(AdminGuard)
        export class AdminGateway {
          constructor(private readonly users: UsersService) {}
          @SubscribeMessage('ban')
          ban(@MessageBody() dto: { userId: string }) {
            return this.users.banUser(dto.userId);
          }
        }
        """);
    assertEquals(PermissionCheck.UNKNOWN, handler(sources.endpoint(), "ban").permissionCheck());
  }

  // ---- sends ----

  private static Send sendAt(JsSources sources, Endpoint e, String needle) {
    int line = sources.line("chat.gateway.ts", needle);
    return e.sends().stream().filter(s -> s.location().startLine() == line).findFirst()
        .orElseThrow(() -> new AssertionError("no send on line " + line + " in " + e.sends()));
  }

  @Test
  void readsTheAudienceOfEachSocketIoSend() {
    JsSources sources = gateway("""
          @SubscribeMessage('post')
          post(@ConnectedSocket() client: Socket, @MessageBody() body: { room: string; text: string }) {
            this.server.emit('stats', this.rooms.allUsers());
            this.server.to(body.room).emit('post', body.text);
            this.server.to(`user:${client.data.user.id}`).emit('sent', body.text);
            client.broadcast.emit('typing', body.room);
            client.emit('ack', body.room);
            return { event: 'posted', data: body.room };
          }
        """);
    Endpoint e = sources.endpoint();
    assertEquals(Audience.ALL_CONNECTIONS, sendAt(sources, e, "'stats'").audience());
    assertEquals(Audience.ROOM, sendAt(sources, e, "emit('post'").audience());
    assertEquals(Audience.ONE_USER, sendAt(sources, e, "'sent'").audience());
    assertEquals(Audience.ALL_BUT_SENDER, sendAt(sources, e, "'typing'").audience());
    assertEquals(Audience.THIS_CONNECTION, sendAt(sources, e, "'ack'").audience());
    Send returned = sendAt(sources, e, "'posted'");
    assertEquals(Audience.THIS_CONNECTION, returned.audience());
    assertEquals(Provenance.ECHO, returned.provenance());
  }

  @Test
  void aHelperMethodsPayloadTakesWhatItsCallersPass() {
    JsSources sources = gateway("""
          @SubscribeMessage('refresh')
          async refresh() {
            this.publish(await this.rooms.findAllUsers());
          }
          private publish(payload: unknown) {
            this.server.emit('refresh', payload);
          }
        """);
    Endpoint e = sources.endpoint();
    assertEquals(Provenance.SENSITIVE, sendAt(sources, e, "emit('refresh'").provenance());
  }

  @Test
  void onTheWsAdapterEveryClientLoopReachesAllAndServerEmitSendsNothing() {
    JsSources sources = JsSources.of("chat.gateway.ts", """
        import { WebSocketGateway, WebSocketServer, SubscribeMessage } from '@nestjs/websockets';
        import { Server, WebSocket } from 'ws';
        @WebSocketGateway({ path: '/game' })
        export class GameGateway {
          @WebSocketServer() server: Server;
          @SubscribeMessage('move')
          move(client: WebSocket, data: { x: number }) {
            this.server.emit('move', data);
            this.server.clients.forEach((c) => c.send(JSON.stringify(data)));
          }
        }
        """);
    Endpoint e = sources.endpoint();
    assertEquals(1, e.sends().size(), e.sends().toString());
    assertEquals(Audience.ALL_CONNECTIONS, sendAt(sources, e, "c.send").audience());
  }

  // ---- token uses ----

  @Test
  void anInjectedJwtServicesDecodeIsADecodeAndItsVerifyAVerification() {
    List<TokenUse> uses = gateway("""
          handleConnection(client: Socket) {
            const claims = this.jwtService.decode(client.handshake.auth.token);
            client.data.user = claims;
          }
          check(token: string) {
            return this.jwtService.verify(token);
          }
        """).tokenUses();
    assertEquals(2, uses.size(), uses.toString());
    assertFalse(uses.get(0).signatureChecked());
    assertTrue(uses.get(0).resultTrusted());
    assertEquals("@nestjs/jwt.JwtService.decode", uses.get(0).library());
    assertTrue(uses.get(1).signatureChecked());
  }
}
