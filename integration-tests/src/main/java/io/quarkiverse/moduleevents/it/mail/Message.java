package io.quarkiverse.moduleevents.it.mail;

/**
 * A mail the application sent, the payload of {@link MailEvents#WELCOME_SENT}.
 */
public record Message(String to, String subject) {
}
