package io.quarkiverse.moduleevents.it.crm;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.moduleevents.it.user.User;

@Path("/crm")
class CrmResource {

    private final CrmContacts crm;

    CrmResource(CrmContacts crm) {
        this.crm = crm;
    }

    @GET
    @Path("contacts")
    public List<User> contacts() {
        return crm.contacts();
    }

    @GET
    @Path("activities")
    public List<String> activities() {
        return crm.activities();
    }
}
