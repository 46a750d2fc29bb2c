package com.acme.webflux.echo;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

@Configuration
class EchoRoutes {
    @Bean
    HandlerMapping echoMapping() {
        Map<String, WebSocketHandler> map = new HashMap<>();
        map.put("/echo", session -> {
            return session.send(session.receive().map(m -> session.textMessage("echo: " + m.getPayloadAsText())));
        });
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
        // expect-no-fix: missing-upgrade-auth -- the handler is put into a map the patch would have to follow
        // expect: missing-upgrade-auth
        // expect: missing-origin-check
        mapping.setUrlMap(map);
        mapping.setOrder(-1);
        return mapping;
    }
}
