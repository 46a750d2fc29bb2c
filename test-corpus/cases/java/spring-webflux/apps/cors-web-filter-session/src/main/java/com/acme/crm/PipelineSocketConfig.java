package com.acme.crm;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

@Configuration
class PipelineSocketConfig {
    @Bean
    HandlerMapping pipelineMapping(DealPipelineHandler deals) {
        // ok: missing-upgrade-auth -- every exchange but /login needs the form login
        // ok: missing-origin-check -- the CorsWebFilter in CrmWebConfig refuses other origins
        return new SimpleUrlHandlerMapping(Map.of("/ws/pipeline", deals), -1);
    }
}
