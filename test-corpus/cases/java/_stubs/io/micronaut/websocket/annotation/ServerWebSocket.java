package io.micronaut.websocket.annotation;

import java.lang.annotation.*;
@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
public @interface ServerWebSocket { String value() default "/ws"; }
