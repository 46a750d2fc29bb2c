package io.micronaut.websocket.annotation;

import java.lang.annotation.*;
@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)
public @interface OnMessage {}
