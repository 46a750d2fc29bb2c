package org.springframework.security.access.annotation;

import java.lang.annotation.*;
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME)
public @interface Secured { String[] value(); }
