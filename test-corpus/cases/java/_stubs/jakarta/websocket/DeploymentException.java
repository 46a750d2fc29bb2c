package jakarta.websocket;

public class DeploymentException extends Exception {
  public DeploymentException(String message) {
    super(message);
  }
}
