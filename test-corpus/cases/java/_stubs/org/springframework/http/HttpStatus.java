package org.springframework.http;

public enum HttpStatus implements HttpStatusCode { OK, UNAUTHORIZED, FORBIDDEN, BAD_REQUEST }
