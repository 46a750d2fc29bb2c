package jakarta.servlet;

public interface ServletContext {
  Object getAttribute(String name);
}
