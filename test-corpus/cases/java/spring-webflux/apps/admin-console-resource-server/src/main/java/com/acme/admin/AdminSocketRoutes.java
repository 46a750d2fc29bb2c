package com.acme.admin;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

@Configuration
public class AdminSocketRoutes {
    @Bean
    public HandlerMapping adminMapping(AdminConsoleHandler admin) {
        // ok: missing-upgrade-auth -- AdminSecurity requires a bearer token for /admin/**
        // ok: missing-origin-check -- the bearer token is explicit
        return new SimpleUrlHandlerMapping(Map.of("/admin/console", admin), -1);
    }
}
