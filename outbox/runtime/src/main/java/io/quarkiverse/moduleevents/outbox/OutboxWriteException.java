package io.quarkiverse.moduleevents.outbox;

/**
 * An outgoing event could not be written to the outbox. When it was sent inside a transaction, that transaction has
 * been marked rollback-only before this was thrown, so the sender's work does not commit without its event.
 */
public class OutboxWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was not written, and why
     * @param cause the database's or the serialiser's failure
     */
    public OutboxWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
