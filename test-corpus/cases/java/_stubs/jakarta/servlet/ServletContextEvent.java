package jakarta.servlet;

public class ServletContextEvent {
  public ServletContext getServletContext() {
    throw new UnsupportedOperationException("stub");
  }
}
