package io.games.arena;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

@Configuration
@EnableWebSocket
public class GameSocketConfiguration implements WebSocketConfigurer {

	@Bean
	public ArenaHandler arenaHandler() {
		return new ArenaHandler();
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(arenaHandler(), "/arena", "/arena/spectate") // expect: missing-upgrade-auth
			.addInterceptors(new HttpSessionHandshakeInterceptor())
			.setAllowedOriginPatterns("https://*.games.io", "*"); // expect: missing-origin-check
	}
}
