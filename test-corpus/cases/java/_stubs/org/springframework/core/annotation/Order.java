package org.springframework.core.annotation;

import java.lang.annotation.*;
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD}) @Retention(RetentionPolicy.RUNTIME)
public @interface Order { int value() default Integer.MAX_VALUE; }
