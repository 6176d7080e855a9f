package io.quarkiverse.moduleevents.deployment;

/**
 * One call of an emitter's {@code send}, {@code sendAsync}, {@code sendRobust} or {@code hasReceivers} whose name
 * argument is a compile-time constant.
 *
 * @param className the calling class
 * @param methodName the calling method
 * @param line the source line, or -1 when the class has no line numbers
 * @param module the emitter's module, {@code null} when the bytecode does not tell which emitter is called
 * @param eventName the constant name argument
 * @param sends whether the call sends the event, rather than asking {@code hasReceivers}
 */
public record SendSite(String className, String methodName, int line, String module, String eventName,
        boolean sends) {

    /**
     * @return the caller as {@code com.acme.UserResource#create}
     */
    public String caller() {
        return className + "#" + methodName;
    }

    /**
     * @return where the call stands, for messages: {@code method: com.acme.UserResource#create, line 42}
     */
    String location() {
        return "method: " + caller() + (line >= 0 ? ", line " + line : "");
    }
}
