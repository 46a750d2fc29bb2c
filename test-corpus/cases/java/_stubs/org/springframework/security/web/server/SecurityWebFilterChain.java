package org.springframework.security.web.server;

public interface SecurityWebFilterChain {
}
