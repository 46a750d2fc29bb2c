package org.springframework.security.config.annotation.web.socket;

import java.lang.annotation.*;
@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
public @interface EnableWebSocketSecurity {}
