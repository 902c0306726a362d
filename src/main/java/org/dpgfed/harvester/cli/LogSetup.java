package org.dpgfed.harvester.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.dpgfed.harvester.config.Config;
import org.slf4j.LoggerFactory;

/**
 * Chooses the log layout at start: {@link TextLog}'s human-readable lines unless
 * {@code log.format} is json, which loads logback-json.xml (one JSON object per line). A
 * {@code -Dlogback.configurationFile} given by the operator always wins.
 */
final class LogSetup {
  private LogSetup() {}

  static void apply(Config.Log log) {
    if (!log.json() || System.getProperty("logback.configurationFile") != null
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(LogSetup.class.getResource("/logback-json.xml"));
    } catch (JoranException e) {
      throw new IllegalStateException("the bundled logback-json.xml is broken", e);
    }
  }
}
