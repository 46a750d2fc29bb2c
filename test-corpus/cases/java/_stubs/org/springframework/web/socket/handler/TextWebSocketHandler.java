package org.springframework.web.socket.handler;

public class TextWebSocketHandler extends AbstractWebSocketHandler {}
