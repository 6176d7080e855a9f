package io.quarkiverse.moduleevents.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what one logger of the running application writes, messages and stack traces, so a test can read a reason
 * that only the log shows (the AMQP rejected outcome carries none), or make sure that something never reaches the log.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        logger = Logger.getLogger(category);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> category) {
        return new LogCapture(category.getName());
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null && record.getParameters().length > 0) {
            message = String.format(message, record.getParameters());
        }
        messages.add(message);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            messages.add(trace.toString());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
