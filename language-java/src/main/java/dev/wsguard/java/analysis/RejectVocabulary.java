package dev.wsguard.java.analysis;

import java.util.Set;

/**
 * What refuses a connection in one framework's gate method, so that {@link GateAnalysis} can stay framework-neutral.
 *
 * @param rejectCalls method names that close or refuse the connection ({@code close}); a field read named
 *     {@code CLOSE} (Netty's {@code ChannelFutureListener.CLOSE}) counts too
 * @param throwRejects an exception thrown out of the method refuses the connection (Jakarta's modifyHandshake and
 *     @OnOpen, Java-WebSocket's handshake hook)
 * @param mustLeave a refusing branch must also leave the method, because the code after it accepts (Netty forwards the
 *     request to the WebSocket handler)
 * @param proceedCalls calls that accept the connection (Netty's {@code fireChannelRead}); empty when the end of the
 *     method accepts
 * @param sendCalls calls that send to the client: a send before the check leaks data to an unchecked connection
 */
public record RejectVocabulary(Set<String> rejectCalls, boolean throwRejects, boolean mustLeave,
    Set<String> proceedCalls, Set<String> sendCalls) {
  public RejectVocabulary {
    rejectCalls = Set.copyOf(rejectCalls);
    proceedCalls = Set.copyOf(proceedCalls);
    sendCalls = Set.copyOf(sendCalls);
  }
}
