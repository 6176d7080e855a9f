package io.quarkiverse.moduleevents.deployment;

/**
 * A reference, found in the bytecode, from a class of one module to a type of another module that the other module
 * does not publish: neither its {@code @EventModule} interface nor a payload type of its events or a type such a
 * payload exposes.
 *
 * @param className the referring class
 * @param module the referring class's module
 * @param member where the reference stands, such as {@code method: com.acme.mail.WelcomeMail#onCreated}
 * @param line the source line, -1 outside code or when the class has no line numbers
 * @param reference what the reference does, such as {@code calls UserDirectory#find}
 * @param type the type reached into
 * @param typeModule the module of that type
 */
public record BoundaryCrossing(String className, String module, String member, int line, String reference, String type,
        String typeModule) {

    /**
     * @return the message of the problem or warning: the rule, the subject, the details in brackets, and the fix
     */
    String message() {
        return "Class reaches into another module: " + className + " (module '" + module + "') uses " + type
                + " of module '" + typeModule + "' [" + member + (line < 0 ? "" : ", line " + line) + ", " + reference
                + "]; send `" + typeModule + ":...` or observe an event instead: of module '" + typeModule
                + "' use only its @EventModule interface and its events' payload types";
    }
}
