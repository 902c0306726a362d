package org.dpgfed.harvester.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The default log layout, one human-readable line per event, set up in code (found by logback as
 * a service): reading an XML configuration would load logback's XML parser and its configuration
 * model at every start. A {@code -Dlogback.configurationFile}, or a logback.xml or logback-test.xml
 * on the class path, is left to logback; {@code log.format: json} is applied later by {@link LogSetup}.
 */
public final class TextLog extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{0} - %msg%replace( [%mdc]){' \\[\\]', ''}%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ClassLoader loader = TextLog.class.getClassLoader();
    if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback.xml") != null
        || loader.getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    for (String quiet : new String[] {"io.netty", "io.vertx", "org.eclipse.rdf4j"}) {
      context.getLogger(quiet).setLevel(Level.WARN);
    }
    // Vert.x registers its HTTP gauges again on every request; Micrometer warns about each once
    context.getLogger("io.micrometer.core.instrument.MeterRegistry").setLevel(Level.ERROR);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(System.getProperty("DPG_LOG_LEVEL", System.getenv("DPG_LOG_LEVEL")), Level.INFO));
    root.addAppender(console);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
