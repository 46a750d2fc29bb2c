package io.quarkus.websockets.next;

import java.lang.annotation.*;
@Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)
public @interface OnOpen { boolean broadcast() default false; }
