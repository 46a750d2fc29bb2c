package io.quarkus.websockets.next;

import java.lang.annotation.*;
@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)
public @interface OnTextMessage { boolean broadcast() default false; }
