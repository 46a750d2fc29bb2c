package com.example.devices;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

// ok: missing-origin-check -- devices send an Authorization header; a web page cannot attach it cross-site
// ok: missing-upgrade-auth
@ServerEndpoint(value = "/devices/telemetry", configurator = HeaderTokenWithoutOriginCheck.DeviceAuth.class)
public class HeaderTokenWithoutOriginCheck {

    public static class DeviceAuth extends ServerEndpointConfig.Configurator {
        private static final byte[] SECRET = System.getenv("DEVICE_SECRET").getBytes(StandardCharsets.UTF_8);

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> auth = request.getHeaders().get("Authorization");
            if (auth == null || auth.isEmpty()) {
                throw new SecurityException("device token required");
            }
            try {
                SignedJWT jwt = SignedJWT.parse(auth.get(0).replace("Bearer ", ""));
                if (!jwt.verify(new MACVerifier(SECRET))) { // ok: unverified-token
                    throw new SecurityException("bad device signature");
                }
                sec.getUserProperties().put("device", jwt.getJWTClaimsSet().getSubject());
            } catch (ParseException | JOSEException e) {
                throw new SecurityException("unreadable device token", e);
            }
        }
    }

    @OnMessage
    public void onMessage(String reading, Session session) {
        TelemetryStore.append(session.getUserProperties().get("device"), reading);
    }

    static final class TelemetryStore {
        static void append(Object device, String reading) {
        }
    }
}
