package org.springframework.messaging.simp.config;

public class SimpleBrokerRegistration {}
