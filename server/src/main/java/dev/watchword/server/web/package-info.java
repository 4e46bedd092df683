/**
 * What is truly cross-cutting in HTTP: RFC 9457 problem details for every error, request
 * size limits, and the client origin of a request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.watchword.server.web;
