package org.springframework.web.servlet.handler;

import java.util.Map;
public class SimpleUrlHandlerMapping {
  public SimpleUrlHandlerMapping() {}
  public SimpleUrlHandlerMapping(Map<String, ?> urlMap, int order) {}
  public void setUrlMap(Map<String, ?> urlMap) {}
  public void setOrder(int order) {}
}
