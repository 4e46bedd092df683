package dev.watchword.server.identity;

import dev.watchword.server.web.WebPage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in caller (or none), for the navigation and role-dependent links. */
@ControllerAdvice(annotations = WebPage.class)
class PageCallerAdvice {

  @ModelAttribute("caller")
  Caller caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof CallerAuthentication signedIn ? signedIn.getPrincipal() : null;
  }
}
