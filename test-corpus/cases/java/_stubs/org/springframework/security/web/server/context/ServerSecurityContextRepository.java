package org.springframework.security.web.server.context;

public interface ServerSecurityContextRepository {
}
