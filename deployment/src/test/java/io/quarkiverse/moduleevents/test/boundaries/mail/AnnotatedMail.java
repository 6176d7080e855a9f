package io.quarkiverse.moduleevents.test.boundaries.mail;

import io.quarkiverse.moduleevents.test.boundaries.shared.Audited;
import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

@Audited(by = UserDirectory.class)
public class AnnotatedMail {
}
