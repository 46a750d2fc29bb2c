package com.team.presence;

import java.util.List;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

@Controller
public class PresenceController {
    private final MemberDirectory directory;

    public PresenceController(MemberDirectory directory) {
        this.directory = directory;
    }

    @MessageMapping("/members") // expect: broadcast-to-all
    public List<Member> members() {
        return directory.findAllWithEmails();
    }
}
