package io.quarkiverse.moduleevents.it.mail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stands for a mail server: keeps every mail "sent", in order.
 */
@ApplicationScoped
class Outbox {

    private final List<Message> messages = new CopyOnWriteArrayList<>();

    Message send(String to, String subject) {
        Message message = new Message(to, subject);
        messages.add(message);
        return message;
    }

    List<Message> messages(String to) {
        return messages.stream().filter(message -> to == null || message.to().equals(to)).toList();
    }
}
