package org.springframework.beans.factory.annotation;

import java.lang.annotation.*;
@Target({ElementType.CONSTRUCTOR, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD}) @Retention(RetentionPolicy.RUNTIME)
public @interface Autowired { boolean required() default true; }
