package org.springframework.messaging.simp.stomp;

public enum StompCommand { STOMP, CONNECT, DISCONNECT, SUBSCRIBE, UNSUBSCRIBE, SEND, ACK, NACK, BEGIN, COMMIT, ABORT, CONNECTED, RECEIPT, MESSAGE, ERROR }
