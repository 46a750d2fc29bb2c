// corpus: no-findings
package com.example.chat.web;

import java.math.BigDecimal;
import org.springframework.stereotype.Service;

@Service
public class AccountService {
  public BigDecimal balanceOf(String accountId) { return BigDecimal.ZERO; }
  public UserProfile profileOf(String name) { return new UserProfile(name, name + "@example.com", "+1-555-0100"); }
}
