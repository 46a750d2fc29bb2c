// corpus: no-findings
package com.example.chat.web;

public record UserProfile(String username, String email, String phone) {}
