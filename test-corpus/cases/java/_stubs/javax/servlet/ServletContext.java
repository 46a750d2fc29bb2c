package javax.servlet;

public interface ServletContext {
  Object getAttribute(String name);
}
