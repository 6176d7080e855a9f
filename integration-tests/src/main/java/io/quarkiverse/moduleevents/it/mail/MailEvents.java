package io.quarkiverse.moduleevents.it.mail;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The events of the mail module. The interface does not extend {@code EventEmitter}, so the module's emitter is
 * injected as {@code @Inject @EventModule("mail") EventEmitter}.
 */
@EventModule("mail")
public interface MailEvents {

    @Payload(Message.class)
    String WELCOME_SENT = "mail:welcome:sent";
}
