package io.quarkiverse.moduleevents.outbox.nobroker;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

@EventModule("ticket")
public interface TicketEvents extends EventEmitter {

    @Payload(Ticket.class)
    String TICKET_OPENED = "ticket:ticket:opened";
}
