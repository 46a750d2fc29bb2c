package org.springframework.web.socket.config.annotation;

import java.lang.annotation.*;
@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
public @interface EnableWebSocketMessageBroker {}
