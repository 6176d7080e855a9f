package io.quarkiverse.moduleevents.runtime;

import jakarta.enterprise.inject.spi.ObserverMethod;

/**
 * Names a receiver as {@code class#method}, for the dev and test tooling ({@code SentEvents}, the Dev UI) and for
 * logs.
 * <p>
 * Neither the CDI API nor ArC's runtime {@code InjectableObserverMethod} tells an observer's method (ArC's exposes
 * only {@code getDeclaringBeanIdentifier()}), and the class ArC generates for it is named after a hash
 * ({@code Mail_Observer_onEmail_<hash>}). What ArC's generated observers do tell is their description,
 * {@code Observer [method=com.acme.Mail#onEmail(com.acme.Email)]}, which this class reads; this is the only place that
 * depends on it.
 */
final class ReceiverName {

    private ReceiverName() {
    }

    static String of(ObserverMethod<?> observer) {
        String description = observer.toString();
        int start = description.indexOf("method=");
        int end = description.indexOf('(', start);
        if (start >= 0 && end > start) {
            return description.substring(start + "method=".length(), end);
        }
        return observer.getBeanClass().getName() + "#" + description;
    }
}
