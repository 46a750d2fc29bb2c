package com.acme.wiki;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

@Configuration
@EnableWebSocketMessageBroker
class WikiSocketConfig implements WebSocketMessageBrokerConfigurer {

    @Bean
    SecurityFilterChain wikiSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
            .formLogin(Customizer.withDefaults())
            .build();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/wiki-ws"); // ok: missing-upgrade-auth
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Service
    static class PageService {
        void deletePage(String pageId) {
        }

        void archiveSpace(String spaceKey) {
        }
    }

    @Controller
    static class PageController {
        private final PageService pageService;

        PageController(PageService pageService) {
            this.pageService = pageService;
        }

        // signed in is all this asks: any user may delete any page
        @PreAuthorize("isAuthenticated()")
        @MessageMapping("/page.delete")
        public void delete(@Payload String pageId) { // expect: missing-message-authz
            pageService.deletePage(pageId);
        }
    }

    @Controller
    @RolesAllowed("WIKI_ADMIN")
    static class SpaceAdminController {
        private final PageService pageService;

        SpaceAdminController(PageService pageService) {
            this.pageService = pageService;
        }

        @MessageMapping("/space.archive")
        public void archive(@Payload String spaceKey) { // ok: missing-message-authz
            pageService.archiveSpace(spaceKey);
        }
    }
}
