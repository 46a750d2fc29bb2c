package org.springframework.messaging.handler.annotation;

import java.lang.annotation.*;
@Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)
public @interface MessageMapping { String[] value() default {}; }
