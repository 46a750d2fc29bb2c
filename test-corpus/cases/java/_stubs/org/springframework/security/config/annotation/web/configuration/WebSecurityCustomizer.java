package org.springframework.security.config.annotation.web.configuration;

import org.springframework.security.config.annotation.web.builders.WebSecurity;
@FunctionalInterface
public interface WebSecurityCustomizer { void customize(WebSecurity web); }
