package dev.watchword.server.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work of the audit: retention (and the SIEM sinks' delivery loops). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {}
