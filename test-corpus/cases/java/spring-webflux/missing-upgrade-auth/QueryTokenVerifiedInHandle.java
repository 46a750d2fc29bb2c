package com.acme.webflux.quotes;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Configuration
class QuoteSocketConfig {
    @Bean
    HandlerMapping quoteMapping(QuoteStreamHandler handler) {
        // ok: missing-upgrade-auth -- handle() verifies the signed token and closes the session otherwise
        // ok: missing-origin-check -- a query-string token is nothing a cross-site page can attach
        return new SimpleUrlHandlerMapping(Map.of("/quotes", handler), 10);
    }
}

class QuoteStreamHandler implements WebSocketHandler {
    private final SecretKey key;
    private final QuoteFeed feed;

    QuoteStreamHandler(SecretKey key, QuoteFeed feed) {
        this.key = key;
        this.feed = feed;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String token = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri())
            .build().getQueryParams().getFirst("access_token");
        if (token == null) {
            return session.close(CloseStatus.POLICY_VIOLATION);
        }
        Claims claims;
        try {
            claims = Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload(); // ok: unverified-token
        } catch (JwtException e) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason("invalid token"));
        }
        String account = claims.getSubject();
        return session.send(feed.quotesFor(account).map(session::textMessage));
    }
}

interface QuoteFeed {
    Flux<String> quotesFor(String account);
}
