// corpus: no-findings
package com.acme.tracker;

import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Component
public class LocationHandler extends TextWebSocketHandler {

    private final LocationStore locationStore;

    public LocationHandler(LocationStore locationStore) {
        this.locationStore = locationStore;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        String deviceId = (String) session.getAttributes().get("deviceId");
        locationStore.record(deviceId, message.getPayload());
        session.sendMessage(new TextMessage("ack"));
    }
}
