package io.quarkiverse.moduleevents.test.boundaries.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

@ApplicationScoped
public class InjectingMail {

    @Inject
    UserDirectory directory;
}
