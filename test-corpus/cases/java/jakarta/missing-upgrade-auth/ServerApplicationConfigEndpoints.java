package com.example.ops;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

public class ServerApplicationConfigEndpoints implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        // expect-no-fix: missing-upgrade-auth -- registered in code: the patch would have to rebuild the endpoint's configuration
        // expect: missing-upgrade-auth
        // expect-no-fix: missing-origin-check -- registered in code, as above
        // expect: missing-origin-check
        return Set.of(ServerEndpointConfig.Builder.create(OpsConsoleEndpoint.class, "/ops/console").build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }

    public static class OpsConsoleEndpoint extends Endpoint {
        private final Deployments deployments = new Deployments();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, service -> { // expect: missing-message-authz
                deployments.restartService(service);
            });
        }
    }

    static class Deployments {
        void restartService(String name) {
        }
    }
}
