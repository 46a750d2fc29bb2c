package org.java_websocket.exceptions;

public class InvalidDataException extends Exception {
  public InvalidDataException(int closecode, String s) {
    super(s);
  }
}
