package com.acme.hr;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

// ok: missing-upgrade-auth -- web.xml requires the hr role on /hr/*
// expect: missing-origin-check -- FORM login: the session cookie authorises the socket, and no Origin is checked
@ServerEndpoint("/hr/salaries")
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
}
