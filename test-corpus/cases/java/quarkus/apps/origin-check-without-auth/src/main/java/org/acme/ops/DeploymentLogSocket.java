package org.acme.ops;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

// ok: missing-origin-check -- AllowedOriginsCheck refuses other origins at the upgrade
@WebSocket(path = "/ops/deployments/{id}/log") // expect: missing-upgrade-auth -- the Origin pin authenticates nobody
public class DeploymentLogSocket {

    private final WebSocketConnection connection;
    private final DeploymentService deployments;

    public DeploymentLogSocket(WebSocketConnection connection, DeploymentService deployments) {
        this.connection = connection;
        this.deployments = deployments;
    }

    @OnOpen
    public void onOpen() {
        connection.sendTextAndAwait(deployments.tail(connection.pathParam("id"))); // ok: broadcast-to-all
    }
}
