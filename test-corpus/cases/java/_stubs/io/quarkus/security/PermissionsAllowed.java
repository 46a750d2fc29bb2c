package io.quarkus.security;

import java.lang.annotation.*;
@Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)
public @interface PermissionsAllowed { String[] value(); }
