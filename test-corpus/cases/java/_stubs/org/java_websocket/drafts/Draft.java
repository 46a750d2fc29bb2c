package org.java_websocket.drafts;

public abstract class Draft {
}
