package io.quarkiverse.moduleevents.test.boundaries.mail;

import io.quarkiverse.moduleevents.EventModule;

@EventModule("mail")
public interface MailEvents {

    String WELCOME_SENT = "mail:welcome:sent";
}
