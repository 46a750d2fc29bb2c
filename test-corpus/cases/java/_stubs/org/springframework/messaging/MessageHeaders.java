package org.springframework.messaging;

import java.util.HashMap;
public final class MessageHeaders extends HashMap<String, Object> {}
