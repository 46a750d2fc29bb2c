package org.springframework.security.config.annotation.web.configuration;

import java.lang.annotation.*;
@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
public @interface EnableWebSecurity { boolean debug() default false; }
