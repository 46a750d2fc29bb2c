package com.acme.hr;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;

// ok: missing-upgrade-auth -- web.xml requires the hr role on /hr/*
// expect: missing-origin-check -- FORM login: the session cookie authorises the socket, and no Origin is checked
@ServerEndpoint(value = "/hr/salaries", configurator = SalaryUpdatesEndpoint.HandshakeGuard.class)
public class SalaryUpdatesEndpoint {
    private final PayrollRepository payrollRepository = new PayrollRepository();

    @OnMessage
    public void onMessage(String employeeId, Session session) throws IOException {
        session.getBasicRemote().sendText(payrollRepository.findSalary(employeeId));
    }

    static class PayrollRepository {
        String findSalary(String employeeId) {
            return "";
        }
    }

    /** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
    public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }
    }
}
