package io.quarkiverse.moduleevents.runtime;

/**
 * The events one module declares, as a class the build generates for each module
 * ({@code <declaring interface>_EventTable}): a name is found by a {@code switch} on it, and its
 * {@link EventDefinition} is built when it is asked for, so that start-up pays nothing for the declared events and an
 * emitter pays for the names it sends. Not for applications.
 */
public abstract class ModuleEventTable {

    private final String module;
    private final String declaringInterface;
    private final int size;

    protected ModuleEventTable(String module, String declaringInterface, int size) {
        this.module = module;
        this.declaringInterface = declaringInterface;
        this.size = size;
    }

    public final String module() {
        return module;
    }

    public final String declaringInterface() {
        return declaringInterface;
    }

    /**
     * @return how many events the module declares
     */
    public final int size() {
        return size;
    }

    /**
     * @return the position of the name in declaration order, {@code -1} when the module does not declare it
     */
    public abstract int indexOf(String name);

    /**
     * @param index a position, from 0 to {@link #size()} - 1
     * @return a new definition of the event at that position
     */
    public abstract EventDefinition definition(int index);
}
