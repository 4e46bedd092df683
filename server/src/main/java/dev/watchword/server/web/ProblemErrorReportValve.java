package dev.watchword.server.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (a malformed URL, an oversized header, an invalid Content-Length,
 * all refused before Spring sees the request) as RFC 9457 problems instead of an HTML page
 * that names the server and its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String title = status >= 500 ? "Internal error" : "Bad request";
    String slug = status >= 500 ? "internal-error" : status == 404 ? "not-found" : "malformed-request";
    String detail = status >= 500 ? "The server could not complete the request." : "The request is malformed.";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"" + Problems.type(slug) + "\",\"title\":\"" + title + "\",\"status\":" + status
            + ",\"detail\":\"" + detail + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The connection is gone or the response committed; nothing more can be said.
    }
  }
}
