package com.acme.wiki;

import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessagingException;
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
        public void delete(@Payload String pageId, Principal principal) { // expect: missing-message-authz
            if (!isAllowed(principal, "/page.delete")) {
                throw new MessagingException("Forbidden: /page.delete");
            }
            pageService.deletePage(pageId);
        }

        // Denies every action until it is wired to the app's permission model (the user's roles, or whether
        // the user owns what the message names): return true only when the user may perform the action.
        private static boolean isAllowed(Principal user, String action) {
            return false;
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
