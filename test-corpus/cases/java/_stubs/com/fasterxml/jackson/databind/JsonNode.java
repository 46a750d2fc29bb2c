package com.fasterxml.jackson.databind;

public abstract class JsonNode {
  public abstract JsonNode get(String fieldName);

  public abstract JsonNode path(String fieldName);

  public abstract String asText();

  public abstract long asLong();

  public abstract boolean has(String fieldName);
}
