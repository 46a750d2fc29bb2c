package jakarta.servlet;

public interface ServletContextListener {
  default void contextInitialized(ServletContextEvent sce) {
  }
}
