package org.springframework.web.reactive.socket.server;

public interface RequestUpgradeStrategy {
}
