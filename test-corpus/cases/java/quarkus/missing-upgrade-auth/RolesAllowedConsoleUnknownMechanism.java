package org.acme.admin;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import jakarta.annotation.security.RolesAllowed;

@RolesAllowed("admin")
// no application.properties: the mechanism (maybe form cookies) is unknown
// expect: missing-origin-check
@WebSocket(path = "/admin/console") // ok: missing-upgrade-auth
public class RolesAllowedConsoleUnknownMechanism {

    @OnTextMessage
    public String onMessage(String command) {
        return "received " + command.length() + " bytes";
    }
}
