package io.quarkiverse.moduleevents.deployment;

import org.jboss.jandex.DotName;

/**
 * One event as its module interface declares it: a {@code String} constant and its optional {@code @Payload}.
 */
public final class DeclaredEvent {

    private final String module;
    private final String key;
    private final String name;
    private final DotName payloadType;
    private final DotName declaringInterface;

    DeclaredEvent(String module, String key, String name, DotName payloadType, DotName declaringInterface) {
        this.module = module;
        this.key = key;
        this.name = name;
        this.payloadType = payloadType;
        this.declaringInterface = declaringInterface;
    }

    /**
     * @return the name of the declaring module
     */
    public String module() {
        return module;
    }

    /**
     * @return the constant's field name, the key of {@code EventEmitter.names()}
     */
    public String key() {
        return key;
    }

    /**
     * @return the event name, {@code <module>:<context>:<action>}
     */
    public String name() {
        return name;
    }

    /**
     * @return the declared payload type, boxed when primitive; {@code null} when the constant has no {@code @Payload}
     */
    public DotName payloadType() {
        return payloadType;
    }

    /**
     * @return the constant as {@code com.acme.UserEvents#ACCOUNT_CREATED}, for messages
     */
    public String member() {
        return declaringInterface + "#" + key;
    }
}
