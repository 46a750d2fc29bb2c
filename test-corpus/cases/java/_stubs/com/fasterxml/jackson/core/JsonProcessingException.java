package com.fasterxml.jackson.core;

public class JsonProcessingException extends java.io.IOException {
  public JsonProcessingException(String msg) {
    super(msg);
  }
}
