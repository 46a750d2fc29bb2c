package com.example.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;

// expect: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint("/support")
public class OptionalTokenOnOpen {
    private static final Algorithm ALG = Algorithm.HMAC256(System.getenv("SUPPORT_SECRET"));

    @OnOpen
    public void onOpen(Session session) throws IOException {
        List<String> token = session.getRequestParameterMap().get("token");
        // guests may chat with support too; signed-in customers get their name shown
        if (token != null && !token.isEmpty()) {
            try {
                DecodedJWT jwt = JWT.require(ALG).build().verify(token.get(0)); // ok: unverified-token
                session.getUserProperties().put("customer", jwt.getSubject());
            } catch (JWTVerificationException e) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "invalid token"));
            }
        }
    }
}
