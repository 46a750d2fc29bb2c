package org.springframework.web.util;

import org.springframework.util.MultiValueMap;
public abstract class UriComponents {
  public abstract MultiValueMap<String, String> getQueryParams();
}
