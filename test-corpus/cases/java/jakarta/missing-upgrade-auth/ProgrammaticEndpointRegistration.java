package com.example.feed;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

@WebListener
public class ProgrammaticEndpointRegistration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServerContainer container =
            (ServerContainer) sce.getServletContext().getAttribute("jakarta.websocket.server.ServerContainer");
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(PriceFeedEndpoint.class, "/prices")
            .configurator(new OriginConfigurator())
            .build();
        try {
            // expect-no-fix: missing-upgrade-auth -- registered in code: the patch would have to rebuild the endpoint's configuration
            // expect: missing-upgrade-auth
            // ok: missing-origin-check -- the configurator allows only the trading site
            container.addEndpoint(config);
        } catch (DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }

    public static class OriginConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return "https://trade.example.com".equals(originHeaderValue);
        }
    }

    public static class PriceFeedEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, symbol -> {
                session.getAsyncRemote().sendText("{\"symbol\":\"" + symbol + "\",\"price\":0}");
            });
        }
    }
}
