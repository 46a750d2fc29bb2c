package com.example.chat.web;

import java.security.Principal;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

@Controller
public class ChatController {
  private final SimpMessagingTemplate messagingTemplate;
  private final AccountService accountService;

  public ChatController(SimpMessagingTemplate messagingTemplate, AccountService accountService) {
    this.messagingTemplate = messagingTemplate;
    this.accountService = accountService;
  }

  @MessageMapping("/account.balance")
  public void balance(@Payload String accountId, Principal principal) {
    messagingTemplate.convertAndSendToUser(principal.getName(), "/topic/balances", accountService.balanceOf(accountId)); // expect: broadcast-to-all
  }

  @MessageMapping("/profile")
  @SendToUser("/topic/profile") // expect: broadcast-to-all
  public UserProfile profile(Principal principal) {
    return accountService.profileOf(principal.getName());
  }
}
