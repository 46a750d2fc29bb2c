package com.acme.hr;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// expect: missing-upgrade-auth -- the /kiosk/* constraint covers only POST; the upgrade is a GET
// expect: missing-origin-check
@ServerEndpoint("/kiosk/checkin")
public class KioskEndpoint {

    @OnMessage
    public void onMessage(String badge, Session session) throws IOException {
        session.getBasicRemote().sendText("welcome");
    }
}
