package org.springframework.messaging.handler.annotation;

import java.lang.annotation.*;
@Target(ElementType.PARAMETER) @Retention(RetentionPolicy.RUNTIME)
public @interface DestinationVariable { String value() default ""; }
