package io.jsonwebtoken;

public interface Header {
}
