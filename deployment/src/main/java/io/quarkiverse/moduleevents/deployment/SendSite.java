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
 * @param emitterMethod the emitter method called
 * @param payloadType the static type of the payload argument as a class name, {@code null} when the call passes no
 *        payload or the bytecode does not tell its type
 */
public record SendSite(String className, String methodName, int line, String module, String eventName,
        EmitterMethod emitterMethod, String payloadType) {

    /**
     * The emitter methods whose name argument the build checks.
     */
    public enum EmitterMethod {
        SEND("send"),
        SEND_ASYNC("sendAsync"),
        SEND_ROBUST("sendRobust"),
        HAS_RECEIVERS("hasReceivers");

        private final String javaName;

        EmitterMethod(String javaName) {
            this.javaName = javaName;
        }

        /**
         * @return the method's name in Java, such as {@code sendAsync}
         */
        public String javaName() {
            return javaName;
        }

        /**
         * @return whether the method sends the event, rather than asking about its receivers
         */
        public boolean sends() {
            return this != HAS_RECEIVERS;
        }

        /**
         * @return the method of that name, {@code null} when the emitter has none that the build checks
         */
        static EmitterMethod named(String javaName) {
            for (EmitterMethod method : values()) {
                if (method.javaName.equals(javaName)) {
                    return method;
                }
            }
            return null;
        }
    }

    /**
     * @return whether the call sends the event, rather than asking {@code hasReceivers}
     */
    public boolean sends() {
        return emitterMethod.sends();
    }

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
