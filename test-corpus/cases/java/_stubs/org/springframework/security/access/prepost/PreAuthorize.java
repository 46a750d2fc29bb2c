package org.springframework.security.access.prepost;

import java.lang.annotation.*;
@Target({ElementType.METHOD, ElementType.TYPE}) @Retention(RetentionPolicy.RUNTIME)
public @interface PreAuthorize { String value(); }
