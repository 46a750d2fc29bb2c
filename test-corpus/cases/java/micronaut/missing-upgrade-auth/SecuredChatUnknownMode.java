package example.support;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.ServerWebSocket;

@Secured(SecurityRule.IS_AUTHENTICATED)
// expect: missing-origin-check -- the authentication mode is not configured here, a cookie is possible
@ServerWebSocket("/support") // ok: missing-upgrade-auth
public class SecuredChatUnknownMode {
    @OnMessage
    public void onMessage(String text, WebSocketSession session) {
        session.sendSync("agent will reply shortly"); // ok: broadcast-to-all
    }
}
