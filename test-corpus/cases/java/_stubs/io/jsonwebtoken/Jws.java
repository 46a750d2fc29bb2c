package io.jsonwebtoken;

public interface Jws<P> extends Jwt<Header, P> {
}
