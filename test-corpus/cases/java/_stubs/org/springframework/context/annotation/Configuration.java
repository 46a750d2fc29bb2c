package org.springframework.context.annotation;

import java.lang.annotation.*;
@Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
public @interface Configuration { String value() default ""; boolean proxyBeanMethods() default true; }
